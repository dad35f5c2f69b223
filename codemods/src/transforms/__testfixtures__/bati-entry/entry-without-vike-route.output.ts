import { Hono } from 'hono'
import { cors } from 'hono/cors'
import { serve } from '@photonjs/hono'

const app = new Hono()

app.use('*', cors())
app.get('/api/time', (c) => c.json({ now: Date.now() }))

// TODO(vike-photon migrate): no Vike route was found in this entry: call `apply(app)` from @photonjs/hono before this export so that it renders the pages
export default serve(app)
