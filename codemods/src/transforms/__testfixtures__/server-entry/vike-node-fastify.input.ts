import Fastify from 'fastify'
import vike from 'vike-node/fastify'

const app = Fastify({ forceCloseConnections: true })
await app.register(await import('fastify-raw-body'))
app.all('/*', vike())
app.listen({ port: 3000, host: '0.0.0.0' })
