import { apply, serve } from '@photonjs/hono'
import { Hono } from 'hono'
// TODO(vike-photon migrate): vike-photon/api (`pageNamePrefix`, the name prefix of upstream's Photon entries for pages) has no equivalent in vike-photon 0.2: its page entries are named `vike-photon:page:<pageId>`, and only with `photonUnit`
import { pageNamePrefix } from 'vike-photon/api'
// TODO(vike-photon migrate): vike-photon/universal-middlewares has no default export in vike-photon 0.2: `apply(app)` of your @photonjs/<framework> adds Vike's middlewares already; remove this import and pass only your own middlewares
import vikeMiddlewares, { getMiddlewares } from 'vike-photon/universal-middlewares'

function startServer() {
  const app = new Hono()
  apply(
    app,
    getMiddlewares<'hono'>({
      pageContext: (runtime) => ({ user: runtime.hono.get('user') }),
    }),
  )
  return serve(app, { port: 3000 })
}

console.log(pageNamePrefix, vikeMiddlewares.length)

export default startServer()
