import { vikeHandler } from './server/vike-handler'
import { telefuncHandler } from './server/telefunc-handler'
import { Hono } from 'hono'
import { createHandler } from '@universal-middleware/hono'
import { handle } from 'hono/vercel'

const app = new Hono()

app.post('/_telefunc', createHandler(telefuncHandler)())

/**
 * Vike route
 *
 * @link {@see https://vike.dev}
 **/
app.all('*', createHandler(vikeHandler)())

export const GET = handle(app)
export const POST = handle(app)

export default app
