// Universal middlewares of vike-photon that also come as a Hono middleware of their own.
//
// @universal-middleware/hono 0.4.21 (what @photonjs/hono 0.1.12's `apply` registers middlewares with) wraps every
// universal middleware into a Hono middleware that builds the universal runtime for each request it sees: it calls
// `c.req.param()`, reads `c.executionCtx` (which throws, and so builds an Error and its stack, on every Node request)
// and spreads three objects. vike-photon's compress middleware needs none of that on Hono: it reads the request and
// sets `c.res`. Registered as the Hono middleware it carries (HONO_MIDDLEWARE), it spares every request of a Hono app
// one such runtime (see bench/README.md).

import { getUniversal } from '@universal-middleware/core'

/** The Hono middleware a universal middleware carries, to be registered instead of @universal-middleware/hono's wrapper. */
export const HONO_MIDDLEWARE = Symbol.for('vike-photon:hono-middleware')

/**
 * `app`, whose `use()` registers the Hono middleware a universal middleware carries (HONO_MIDDLEWARE) instead of the
 * wrapper @universal-middleware/hono made of it. Everything else, and the order of middlewares, is as before. A
 * middleware of the app's that replaces one of vike-photon's by name carries none, and stays wrapped.
 */
export function withHonoMiddlewares<App extends object>(app: App): App {
  return new Proxy(app, {
    get(target, key) {
      const value = Reflect.get(target, key, target)
      if (typeof value !== 'function') return value
      if (key !== 'use') return value.bind(target)
      return (...args: unknown[]) => value.apply(target, args.map(honoMiddlewareOr))
    },
  })
}

function honoMiddlewareOr(handler: unknown): unknown {
  if (typeof handler !== 'function') return handler
  const universal = getUniversal(handler as Parameters<typeof getUniversal>[0]) as unknown as Record<symbol, unknown>
  return universal[HONO_MIDDLEWARE] ?? handler
}
