import { Elysia } from 'elysia'
import { apply, serve } from '@photonjs/elysia'

function startServer() {
  const app = apply(new Elysia())
  return serve(app, { port: 3000 })
}

export default startServer()
