import { serve } from '@hono/node-server'
import { Hono } from 'hono'
import { apply } from 'vike-server/hono'

const app = new Hono()
apply(app)
serve({ fetch: app.fetch, port: 3000 })
