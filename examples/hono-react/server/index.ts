import { apply, serve } from '@photonjs/hono'
import { Hono } from 'hono'

const app = new Hono()

// Your own routes sit beside the app's pages.
app.get('/api/hello', (c) => c.json({ hello: 'from Hono', server: 'hono' }))

// Static files, compression and Vike's pages.
apply(app)

export default serve(app, { port: Number(process.env.PORT ?? 3000) })
