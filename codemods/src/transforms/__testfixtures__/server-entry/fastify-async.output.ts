import Fastify from 'fastify'
import { apply, serve } from '@photonjs/fastify'

async function startServer() {
  // TODO(vike-photon migrate): vike-photon on Fastify needs `forceCloseConnections: true` in the Fastify options and `await app.register(import('fastify-raw-body'))` before apply()
  const app = Fastify()
  await apply(app)
  return serve(app, { port: 3000 })
}

export default await startServer()
