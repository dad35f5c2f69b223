import { serve } from '@photonjs/hono'
import app from './hono-entry'

export default serve(app, { port: 3000 })
