import { Hono } from 'hono'
import { logger } from 'hono/logger'
import { handlerAdapter } from './server/hono-adapter'
import { vikeHandler } from './server/vike-handler'
import { listBooks } from './server/books'

const app = new Hono<{ Bindings: { DB: D1Database } }>()

app.use(logger())

app.get('/api/books', async (c) => c.json(await listBooks(c.env.DB)))

// every other request: the pages
app.all('*', handlerAdapter(vikeHandler))

export default app
