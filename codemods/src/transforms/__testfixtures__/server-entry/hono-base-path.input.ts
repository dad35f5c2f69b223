import { Hono } from 'hono'
import { apply } from 'vike-server/hono'
import { serve } from 'vike-server/hono/serve'

const app = new Hono().basePath('/shop')
apply(app)

export default serve(app, { port: 3000 })
