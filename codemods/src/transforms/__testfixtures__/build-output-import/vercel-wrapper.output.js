import { connectToWeb } from 'vike-server'
// TODO(vike-photon migrate): this imports the old server build as an app, but vike-photon's dist/server/index.mjs starts the server itself. On Vercel: delete this file and its rewrite in vercel.json, and add @photonjs/vercel (it deploys your server entry). Elsewhere: import your server entry instead; its default export (what serve() returns) has `fetch(request)`
import app from '../dist/server/index.mjs'

const handler = connectToWeb(app)

export const GET = handler
export const POST = handler
