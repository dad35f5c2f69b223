import { serve } from '@hono/node-server'
import { app } from './app'

const port = Number(process.env.PORT ?? 3000)

serve({ fetch: (request) => app.fetch(request), port })
