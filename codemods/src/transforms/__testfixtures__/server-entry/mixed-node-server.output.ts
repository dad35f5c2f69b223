import { Hono } from 'hono'
import { apply, serve } from '@photonjs/hono'

const app = new Hono()
apply(app)
export default serve(app, {
  port: 3000
})
