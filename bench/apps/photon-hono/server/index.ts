import { apply, serve } from '@photonjs/hono'
import { Hono } from 'hono'

function startServer() {
  const app = new Hono()
  apply(app)
  return serve(app, { port: Number(process.env.PORT) || 3000, hostname: process.env.HOST || 'localhost' })
}

export default startServer()
