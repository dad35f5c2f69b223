import { createMiddleware } from '@universal-middleware/express'
import express from 'express'
import { apply, serve } from '@photonjs/express'
const port = process.env.PORT ? Number.parseInt(process.env.PORT, 10) : 3000

export default await startServer()

async function startServer() {
  const app = express()

  app.get(
    '/hello',
    createMiddleware(() => () => {
      console.log('HELLO')
      return new Response('Hello')
    })(),
  )
  // TODO(vike-photon migrate): apply(app) from @photonjs/express renders the pages now, in place of the Vike route; `./server/vike-handler` is no longer imported here
  apply(app)

  return serve(app, {
    port,

    onReady: () => {
      console.log(`Server running at http://localhost:${port}`)
    },
  })
}
