import Fastify from 'fastify'
import rawBody from 'fastify-raw-body'
import { apply, serve } from '@photonjs/fastify'

async function startServer() {
  const app = Fastify({ forceCloseConnections: true })
  await app.register(rawBody)
  await apply(app)
  return serve(app, { port: 3000 })
}

export default await startServer()
