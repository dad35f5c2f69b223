import { createHandler } from '@universal-middleware/express'
import express from 'express'
import { vikeHandler } from './server/vike-handler'

const port = Number(process.env.PORT ?? 3000)

// TODO(vike-photon migrate): this Express server renders the pages and listens by itself (Vite dev middleware, express.static, the Vike route, app.listen): vike-photon runs it as `photon.server` and needs `apply(app)` in place of those and `export default serve(app)` here, both from @photonjs/express
export default await startServer()

async function startServer() {
  const app = express()
  if (process.env.NODE_ENV === 'production') {
    app.use(express.static('dist/client'))
  } else {
    const vite = await import('vite')
    const server = await vite.createServer({ server: { middlewareMode: true } })
    app.use(server.middlewares)
  }
  app.get('/api/ping', (_req, res) => {
    res.send('pong')
  })
  app.all('/{*all}', createHandler(() => vikeHandler)())
  app.listen(port, () => console.log(`listening on ${port}`))
  return app
}
