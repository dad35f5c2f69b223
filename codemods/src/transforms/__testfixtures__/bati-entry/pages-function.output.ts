import { handle } from 'hono/cloudflare-pages'
import app from '../hono-entry'

// TODO(vike-photon migrate): Cloudflare Pages Functions do not run in the Worker vike-photon deploys: move what this file does into your server entry (photon.server), then delete it
export const onRequest = handle(app)
