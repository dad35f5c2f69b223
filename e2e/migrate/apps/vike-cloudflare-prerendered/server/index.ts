import { apply, Hono } from 'vike-cloudflare/hono'
import { serve } from 'vike-cloudflare/hono/serve'

function startServer() {
  const app = new Hono()
  app.get('/api/ping', (c) => c.text('pong from hono'))
  apply(app, { pageContext: () => ({ shopStatus: 'open' }) })
  return serve(app, { port: Number(process.env.PORT) || 3000 })
}

export default startServer()
