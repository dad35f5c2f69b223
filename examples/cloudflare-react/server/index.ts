import { apply, serve } from '@photonjs/hono'
import { Hono } from 'hono'

const app = new Hono()

// Your own routes sit beside the app's pages; on Cloudflare they run in the Worker too.
app.get('/api/hello', (c) => c.json({ hello: 'from Hono', runtime: navigator.userAgent }))

// Vike's pages. Static files are served by Cloudflare (the Workers assets binding) before the Worker runs.
apply(app)

export default serve(app)
