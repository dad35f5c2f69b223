import { Hono } from 'hono'
import { apply } from 'vike-server/hono'
import { serve } from 'vike-server/hono/serve'

function startServer() {
  const app = new Hono()
  apply(app)
  return serve(app, { port: Number(process.env.PORT) || 3000, hostname: process.env.HOST || 'localhost' })
}

export default startServer()
