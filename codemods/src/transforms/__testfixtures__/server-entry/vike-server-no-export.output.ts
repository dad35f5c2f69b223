import express from 'express'
import { apply, serve } from '@photonjs/express'
import { getMiddlewares } from 'vike-photon/universal-middlewares'

const port = Number(process.env.PORT ?? 3000)

function startServer() {
  const app = express()
  // TODO(vike-photon migrate): `static: 'public'` was removed: vike-photon serves the client build (dist/client, which includes public/). Serve any other folder with your own middleware
  apply(app, getMiddlewares<'express'>({
    pageContext: (runtime) => ({ user: runtime.req.user }),
  }))
  return serve(app, { port, onCreate: (server) => console.log(server.address()) })
}

// start it
export default startServer()
