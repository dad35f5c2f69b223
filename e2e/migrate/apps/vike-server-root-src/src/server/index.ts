import { Hono } from 'hono'
import { apply } from 'vike-server/hono'
import { serve } from 'vike-server/hono/serve'

function startServer() {
  const app = new Hono()
  app.get('/api/ping', (c) => c.text('pong from hono'))
  apply(app, { pageContext: () => ({ shopStatus: 'open' }) })
  const port = Number(process.env.PORT) || 3000
  return serve(app, { port, hostname: process.env.HOST || '127.0.0.1' })
}

export default startServer()
