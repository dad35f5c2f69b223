import { serve } from '@hono/node-server'
import { app } from './app'

const port = Number(process.env.PORT ?? 3000)

// TODO(vike-photon migrate): export default `serve(app, { port })` from @photonjs/hono instead of starting @hono/node-server by hand
serve({ fetch: (request) => app.fetch(request), port })
