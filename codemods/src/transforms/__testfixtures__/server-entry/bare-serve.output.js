import { Hono } from 'hono'
import { apply, serve } from '@photonjs/hono'
import { getMiddlewares } from 'vike-photon/universal-middlewares'

const app = new Hono()
// TODO(vike-photon migrate): apply() option(s) `trailingSlash` were removed: vike-photon's apply() takes middlewares only (set compress/static as literals in `photon` of +config)
apply(app, getMiddlewares({
  onError: (err) => console.error(err)
}))
export default serve(app, { port: 3000 })
