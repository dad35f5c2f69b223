import { apply, serve } from '@photonjs/express'
import express from 'express'

function startServer() {
  const app = express()
  apply(app)
  return serve(app, { port: Number(process.env.PORT) || 3000, hostname: process.env.HOST || 'localhost' })
}

export default startServer()
