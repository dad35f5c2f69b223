import { Elysia } from 'elysia'
import { staticPlugin } from '@elysiajs/static'
import vike from 'vike-node/elysia'

const app = new Elysia()
  .use(staticPlugin())
  .get('/api/health', () => ({ ok: true }))
  .use(vike())
  .listen(3000)

export type App = typeof app
