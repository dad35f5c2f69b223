import { Hono } from 'hono'
import { apply } from 'vike-cloudflare/hono'
import { serve } from 'vike-cloudflare/hono/serve'

const app = new Hono()
app.get('/api/ping', (c) => c.text('pong from hono'))
apply(app, { pageContext: () => ({ shopStatus: 'open' }) })

export default serve(app, { port: Number(process.env.PORT) || 3000 })
