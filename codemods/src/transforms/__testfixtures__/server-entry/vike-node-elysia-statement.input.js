import { Elysia } from 'elysia'
import vike from 'vike-node/elysia'

new Elysia()
  .get('/api/ping', () => 'pong')
  .get('/*', vike())
  .listen(process.env.PORT ?? 3000)
