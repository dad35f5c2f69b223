import { handle } from 'hono/cloudflare-pages'
import app from '../hono-entry'

export const onRequest = handle(app)
