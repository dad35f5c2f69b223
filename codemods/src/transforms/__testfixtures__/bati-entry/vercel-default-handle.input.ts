import { Hono } from 'hono'
import { handle } from 'hono/vercel'
import { vikeHandler } from './vike-handler'

export const config = { runtime: 'nodejs' }

const app = new Hono().basePath('/')
const web = new Hono()
web.get('/ping', (c) => c.text('pong'))
web.all('*', vikeHandler)

export default handle(web)
