import { Elysia } from 'elysia'
import { staticPlugin } from '@elysiajs/static'
import { apply, serve } from '@photonjs/elysia'

const app = apply(new Elysia()
  .use(staticPlugin())
  .get('/api/health', () => ({ ok: true })))
export default serve(app, {
  port: 3000
})

export type App = typeof app
