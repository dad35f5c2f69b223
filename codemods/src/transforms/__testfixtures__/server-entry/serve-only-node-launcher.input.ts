import { serve } from 'vike-server/hono/serve'
import app from './hono-entry'

serve(app, { port: 3000 })
