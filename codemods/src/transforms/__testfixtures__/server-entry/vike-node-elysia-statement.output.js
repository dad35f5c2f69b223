import { Elysia } from 'elysia'
import { apply, serve } from '@photonjs/elysia'

export default serve(apply(new Elysia()
  .get('/api/ping', () => 'pong')), {
  port: process.env.PORT ?? 3000
})
