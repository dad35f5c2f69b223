import express from 'express'
import { apply, serve } from '@photonjs/express'

const port = process.env.PORT ? parseInt(process.env.PORT) : 3000

async function startServer() {
  const app = express()
  apply(app) // Vike's middlewares
  return serve(app, { port })
}

export default await startServer()
