import { serve } from '@hono/node-server'
import { Hono } from 'hono'
import { vike } from 'vike-node/hono'

const app = new Hono()
app.use(vike({ pageContext: (runtime) => ({ env: runtime.env }) }))

serve({ fetch: app.fetch, port: 3000 }, () => console.log('ready'))
