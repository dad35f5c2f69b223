import { Hono } from 'hono'
import { apply, serve } from '@photonjs/hono'
import { getMiddlewares } from 'vike-photon/universal-middlewares'
import { readSession } from './session'

function startServer() {
  const app = new Hono<{ Bindings: Env }>()

  app.get('/api/health', (c) => c.json({ ok: true }))

  // TODO(vike-photon migrate): apply() option(s) `compress` have no vike-photon equivalent and are no longer used: vike-photon's apply() takes middlewares only. Set compress/static as literals in `photon` of +config (or add your own middleware), then delete `legacyApplyOptions`
  const legacyApplyOptions = {
    compress: process.env.NODE_ENV === 'production',
  }

  apply(app, getMiddlewares<'hono'>({
    async pageContext(runtime) {
      const session = await readSession(runtime.hono.req.raw, runtime.hono.env)
      return {
        user: session?.user ?? null,
        locale: runtime.hono.req.header('accept-language')?.split(',')[0] ?? 'en',
      }
    },
  }))

  return serve(app, { port: 3000 })
}

export default startServer()
