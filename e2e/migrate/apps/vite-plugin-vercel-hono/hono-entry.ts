import { createHandler } from '@universal-middleware/hono'
import { Hono } from 'hono'
import { handle } from 'hono/vercel'
import { vikeHandler } from './server/vike-handler'

const app = new Hono()

// Vercel sends /api/* to api/ functions, so the app's own route lives elsewhere
app.get('/ping', (c) => c.text('pong from hono'))

app.all('*', createHandler(vikeHandler)())

export const GET = handle(app)
export const POST = handle(app)

export default process.env.NODE_ENV === 'production' ? undefined : app
