import { Hono } from 'hono'
import { apply } from 'vike-cloudflare/hono'
import { serve } from 'vike-cloudflare/hono/serve'
import { readSession } from './session'

function startServer() {
  const app = new Hono<{ Bindings: Env }>()

  app.get('/api/health', (c) => c.json({ ok: true }))

  apply(app, {
    async pageContext(runtime) {
      const session = await readSession(runtime.hono.req.raw, runtime.hono.env)
      return {
        user: session?.user ?? null,
        locale: runtime.hono.req.header('accept-language')?.split(',')[0] ?? 'en',
      }
    },
    compress: process.env.NODE_ENV === 'production',
  })

  return serve(app, { port: 3000 })
}

export default startServer()
