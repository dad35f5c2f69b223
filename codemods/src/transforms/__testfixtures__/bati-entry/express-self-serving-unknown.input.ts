import { createHandler } from '@universal-middleware/express'
import express from 'express'
import { vikeHandler } from './server/vike-handler'

export default await startServer()

async function startServer() {
  const app = express()
  app.all('/{*all}', createHandler(() => vikeHandler)())
  const server = app.listen(3000)
  server.keepAliveTimeout = 5000
  return app
}
