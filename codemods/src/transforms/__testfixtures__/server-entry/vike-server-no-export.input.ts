import express from 'express'
import { apply } from 'vike-server/express'
import { serve } from 'vike-server/express/serve'

const port = Number(process.env.PORT ?? 3000)

function startServer() {
  const app = express()
  apply(app, {
    pageContext: (runtime) => ({ user: runtime.req.user }),
    compress: true,
    static: 'public',
  })
  return serve(app, { port, onServer: (server) => console.log(server.address()) })
}

// start it
startServer()
