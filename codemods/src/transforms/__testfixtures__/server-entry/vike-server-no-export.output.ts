import express from 'express'
import { apply, serve } from '@photonjs/express'
import { getMiddlewares } from 'vike-photon/universal-middlewares'

const port = Number(process.env.PORT ?? 3000)

function startServer() {
  const app = express()
  apply(app, getMiddlewares<'express'>({
    pageContext: (runtime) => ({ user: runtime.req.user }),
  }))
  return serve(app, { port, onCreate: (server) => console.log(server.address()) })
}

// start it
export default startServer()
