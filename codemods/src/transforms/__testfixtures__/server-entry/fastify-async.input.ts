import Fastify from 'fastify'
import { apply } from 'vike-server/fastify'
import { serve } from 'vike-server/fastify/serve'

async function startServer() {
  const app = Fastify()
  await apply(app)
  return serve(app, { port: 3000 })
}

export default startServer()
