import { createHandler } from '@universal-middleware/express'
import express from 'express'
import { vikeHandler } from './server/vike-handler'

// TODO(vike-photon migrate): this Express server renders the pages and listens by itself (Vite dev middleware, express.static, the Vike route, app.listen): vike-photon runs it as `photon.server` and needs `apply(app)` in place of those and `export default serve(app)` here, both from @photonjs/express
export default await startServer()

async function startServer() {
  const app = express()
  app.all('/{*all}', createHandler(() => vikeHandler)())
  const server = app.listen(3000)
  server.keepAliveTimeout = 5000
  return app
}
