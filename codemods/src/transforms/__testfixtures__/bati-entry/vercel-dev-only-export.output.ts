import { Hono } from 'hono'
import { authMiddleware } from './server/auth'
import { apply, serve } from '@photonjs/hono'

const app = new Hono()

app.use('/api/*', authMiddleware)
app.get('/api/me', (c) => c.json({ name: 'Ada' }))

// TODO(vike-photon migrate): apply(app) renders the pages now, in place of `createHandler(vikeHandler)()`: `./server/vike-handler` is no longer imported here, delete it if nothing else uses it
apply(app)

// @hono/vite-dev-server serves the app in development; Vercel uses the handlers above
// TODO(vike-photon migrate): the hono/vercel exports (GET, POST) were removed: @photonjs/vercel deploys this default export as the Vercel function
export default serve(app)
