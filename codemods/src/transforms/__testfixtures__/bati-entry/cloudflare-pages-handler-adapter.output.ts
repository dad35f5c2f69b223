import { Hono } from 'hono'
import { logger } from 'hono/logger'
import { listBooks } from './server/books'
import { apply, serve } from '@photonjs/hono'

const app = new Hono<{ Bindings: { DB: D1Database } }>()

app.use(logger())

app.get('/api/books', async (c) => c.json(await listBooks(c.env.DB)))

// every other request: the pages
// TODO(vike-photon migrate): apply(app) renders the pages now, in place of `handlerAdapter(vikeHandler)`: `./server/hono-adapter`, `./server/vike-handler` are no longer imported here, delete them if nothing else uses them
apply(app)

export default serve(app)
