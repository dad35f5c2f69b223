import express from 'express'
import { apply, serve } from '@photonjs/express'

const port = Number(process.env.PORT ?? 3000)

export default await startServer()

async function startServer() {
  const app = express()
  app.get('/api/ping', (_req, res) => {
    res.send('pong')
  })
  // TODO(vike-photon migrate): apply(app) from @photonjs/express renders the pages now, in place of the Vike route; `./server/vike-handler` is no longer imported here
  apply(app)
  return serve(app, {
    port,
    onReady: () => console.log(`listening on ${port}`)
  })
}
