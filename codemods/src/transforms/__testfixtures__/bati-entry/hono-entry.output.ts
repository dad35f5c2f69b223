import { telefuncHandler } from './server/telefunc-handler'
import { Hono } from 'hono'
import { createHandler } from '@universal-middleware/hono'
import { handle } from 'hono/vercel'
import { apply, serve } from '@photonjs/hono'

const app = new Hono()

app.post('/_telefunc', createHandler(telefuncHandler)())

/**
 * Vike route
 *
 * @link {@see https://vike.dev}
 **/
// TODO(vike-photon migrate): apply() now renders the pages: delete server/vike-handler.ts, and hono-entry.node.ts if you have one (vike-photon serves on Node itself)
apply(app)

// TODO(vike-photon migrate): delete this hono/vercel export: @photonjs/vercel builds the Vercel function itself
export const GET = handle(app)
// TODO(vike-photon migrate): delete this hono/vercel export: @photonjs/vercel builds the Vercel function itself
export const POST = handle(app)

export default serve(app)
