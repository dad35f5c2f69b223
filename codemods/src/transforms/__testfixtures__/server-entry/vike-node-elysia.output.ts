import { Elysia } from 'elysia'
import { apply, serve } from '@photonjs/elysia'

const app = new Elysia()
apply(app)
export default serve(app, {
  port: 3000
})
