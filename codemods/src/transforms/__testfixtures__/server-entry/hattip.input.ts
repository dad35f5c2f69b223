import { createRouter } from '@hattip/router'
import type { RuntimeAdapter } from 'vike-server/hattip'
import { apply } from 'vike-server/hattip'
import { serve } from 'vike-server/hattip/serve'

function startServer() {
  const router = createRouter<RuntimeAdapter>()
  apply(router)
  return serve(router, { port: 3000 })
}

export default startServer()
