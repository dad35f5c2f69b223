import express from 'express'
import { apply } from 'vike-server/express'
import { serve } from 'vike-server/express/serve'

function startServer() {
  const app = express()
  app.get('/api/ping', (_req, res) => {
    res.type('text/plain').send('pong from express')
  })
  apply(app, { pageContext: () => ({ shopStatus: 'open' }) })
  const port = Number(process.env.PORT) || 3000
  return serve(app, { port, hostname: process.env.HOST || '127.0.0.1' })
}

export default startServer()
