import Fastify from 'fastify'
import rawBody from 'fastify-raw-body'
import { apply } from 'vike-server/fastify'
import { serve } from 'vike-server/fastify/serve'

async function startServer() {
  const app = Fastify({ forceCloseConnections: true })
  await app.register(rawBody)
  await apply(app)
  return serve(app, { port: 3000 })
}

export default await startServer()
