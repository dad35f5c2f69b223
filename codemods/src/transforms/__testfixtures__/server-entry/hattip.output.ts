import { createRouter } from '@hattip/router'
import type { RuntimeAdapter } from '@photonjs/hattip'
import { apply, serve } from '@photonjs/hattip'

function startServer() {
  const router = createRouter<RuntimeAdapter>()
  apply(router)
  return serve(router, { port: 3000 })
}

export default startServer()
