import express from 'express'
import { apply, serve } from '@photonjs/express'
import { getMiddlewares } from 'vike-photon/universal-middlewares'
import { currentUser } from './auth.js'

const publicDir = process.env.PUBLIC_DIR

const app = express()
// TODO(vike-photon migrate): apply() option(s) `static` have no vike-photon equivalent and are no longer used: vike-photon's apply() takes middlewares only. Set compress/static as literals in `photon` of +config (or add your own middleware), then delete `legacyApplyOptions`
const legacyApplyOptions = {
  static: { root: publicDir },
}

apply(app, getMiddlewares({
  async pageContext(runtime) {
    const user = await currentUser(runtime.req)
    return { user }
  },
}))
export default serve(app, {
  port: 3000,
})
