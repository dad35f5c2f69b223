import { apply, serve } from '@photonjs/hono'
import { Hono } from 'hono'
import { addPageContext } from 'vike-photon/universal-middlewares'

const app = new Hono()

// Your own routes sit beside the app's pages.
app.get('/api/hello', (c) => c.json({ hello: 'from Hono', server: 'hono' }))

// Compression and Vike's pages (static files are answered before Hono sees them), plus our own:
apply(app, [
  // Adds `servedBy` to every pageContext (see pages/+config.ts for passToClient).
  addPageContext(() => ({ servedBy: 'Hono' })),
])

export default serve(app, { port: Number(process.env.PORT ?? 3000) })
