import { apply, serve } from '@photonjs/hono'
import { Hono } from 'hono'
import { getMiddlewares } from 'vike-photon/universal-middlewares'

const port = process.env.PORT ? Number.parseInt(process.env.PORT, 10) : 3000

export default startServer()

function startServer() {
  const app = new Hono()
  app.get('/api/ping', (c) => c.text('pong from hono'))

  apply(app, getMiddlewares<'hono'>({ pageContext: () => ({ shopStatus: 'open' }) }))

  return serve(app, {
    port,
    hostname: process.env.HOST || '127.0.0.1',
  })
}
