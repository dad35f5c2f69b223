import { Hono } from 'hono'
import { apply, serve } from '@photonjs/hono'

const app = new Hono()
app.get('/api/ping', (c) => c.text('pong'))
apply(app)

export default serve(app)
