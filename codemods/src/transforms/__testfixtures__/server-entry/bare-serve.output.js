import { Hono } from 'hono'
import { apply, serve } from '@photonjs/hono'
import { getMiddlewares } from 'vike-photon/universal-middlewares'

const app = new Hono()
// TODO(vike-photon migrate): apply() option(s) `trailingSlash` have no vike-photon equivalent and are no longer used: vike-photon's apply() takes middlewares only. Set compress/static as literals in `photon` of +config (or add your own middleware), then delete `legacyApplyOptions`
const legacyApplyOptions = {
  trailingSlash: true
}
apply(app, getMiddlewares({
  onError: (err) => console.error(err)
}))
export default serve(app, { port: 3000 })
