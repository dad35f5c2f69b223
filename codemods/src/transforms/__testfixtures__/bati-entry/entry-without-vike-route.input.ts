import { Hono } from 'hono'
import { cors } from 'hono/cors'

const app = new Hono()

app.use('*', cors())
app.get('/api/time', (c) => c.json({ now: Date.now() }))

export default app
