import express from 'express'
import { apply, serve } from '@photonjs/express'
export default await startServer()

async function startServer() {
  const app = express()
  app.get('/health', (_req, res) => {
    res.send('ok')
  })
  apply(app)
  const port = process.env.PORT || 3000
  console.log(`Listening on port ${port}`)

  // Start listening
  return serve(app, {
    port
  })
}
