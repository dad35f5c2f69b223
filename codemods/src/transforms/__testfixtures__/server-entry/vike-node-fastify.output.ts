import Fastify from 'fastify'
import { apply, serve } from '@photonjs/fastify'

const app = Fastify({ forceCloseConnections: true })
await app.register(await import('fastify-raw-body'))
await apply(app)
export default serve(app, {
  port: 3000,
  hostname: '0.0.0.0'
})
