import express from 'express'
import { apply, serve } from '@photonjs/express'
export default await startServer()

async function startServer() {
  const app = express()
  apply(app)
  const port = process.env.PORT || 3000
  return serve(app, {
    port,
    onReady: () => console.log(`Server running at http://localhost:${port}`)
  })
}
