import express from 'express'
import { apply } from 'vike-server/express'
import { serve } from 'vike-server/express/serve'

const port = process.env.PORT ? parseInt(process.env.PORT) : 3000

async function startServer() {
  const app = express()
  apply(app) // Vike's middlewares
  return serve(app, { port })
}

// No need to export default: vike-server starts the server itself
startServer()
