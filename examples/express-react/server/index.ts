import { apply, serve } from '@photonjs/express'
import express from 'express'
import { addPageContext } from 'vike-photon/universal-middlewares'

const app = express()

// Your own routes sit beside the app's pages.
app.get('/api/hello', (_req, res) => {
  res.json({ hello: 'from Express', server: 'express' })
})

// Compression and Vike's pages (static files are answered before Express sees them), plus our own:
apply(app, [
  // Adds `servedBy` to every pageContext (see pages/+config.ts for passToClient).
  addPageContext(() => ({ servedBy: 'Express' })),
])

export default serve(app, { port: Number(process.env.PORT ?? 3000) })
