import { createRouter } from '@hattip/router'
// TODO(vike-photon migrate): vike-photon on Cloudflare (@photonjs/cloudflare) runs Hono, h3 or srvx servers, not HatTip: this file is no longer `photon.server`, and vike-photon serves the pages without it. To keep this server's own routes, port them to Hono (`const app = new Hono()`, your routes, `apply(app)` and `export default serve(app)` with apply and serve from @photonjs/hono), then set `photon: { server: 'server/entry.ts' }` in +config
import { apply, serve } from '@photonjs/hattip'

function startServer() {
  const router = createRouter()
  router.get('/health', () => new Response('ok'))
  apply(router)
  return serve(router, { port: 3000 })
}

export default startServer()
