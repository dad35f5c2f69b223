// What a server build imports as `@photonjs/core/apply` (plugin/photon-runtime-plugin.ts): the `apply(app)` factories
// of @photonjs/core 0.1.22, which every server adapter of Photon (@photonjs/hono, /express, ...) builds its `apply`
// with. Photon's module bundles ansis (about 6 KB) to colour its one error message; this one is the same code without.
import {
  getUniversal,
  getUniversalProp,
  nameSymbol,
  type UniversalHandler,
  type UniversalMiddleware,
} from '@universal-middleware/core'
import { withHonoMiddlewares } from './hono-middlewares.js'
import { PhotonConfigError } from './photon-errors.js'
import { applySrvx } from './srvx-router.js'

type Middleware = UniversalMiddleware | UniversalHandler
type Apply<App> = (app: App, middlewares: Middleware[]) => void
type ApplyReturnApp<App> = (middlewares: Middleware[]) => App
type AsyncApply<App> = (app: App, middlewares: Middleware[]) => Promise<void>
type Entries = () => UniversalHandler[]
type Middlewares = () => UniversalMiddleware[]

const PHOTON_SERVER = Symbol.for('photon:server')

/**
 * Photon's middlewares, then the app's `apply(app, [...])` additions (one with the name of a Photon middleware takes
 * its place, at the end), then the entries (pages, handlers).
 */
function chain(
  entries: Entries,
  middlewares: Middlewares,
  devServerMiddleware: (() => UniversalMiddleware) | undefined,
  additional: unknown,
): Middleware[] {
  const list = middlewares()
  if (devServerMiddleware) list.unshift(devServerMiddleware())
  if (additional) {
    for (const middleware of enhancedMiddlewares(additional)) {
      const name = getUniversalProp(middleware, nameSymbol)
      const i = list.findIndex((m) => getUniversalProp(m, nameSymbol) === name)
      if (i !== -1) list.splice(i, 1)
      list.push(middleware)
    }
  }
  return [...list, ...entries()]
}

function enhancedMiddlewares(additional: unknown): UniversalMiddleware[] {
  return [additional].flat(Number.POSITIVE_INFINITY).map((value, index) => {
    const middleware = getUniversal(value as UniversalMiddleware)
    if (typeof middleware === 'function' && nameSymbol in middleware) return middleware
    throw new PhotonConfigError(
      `Additional middleware at index ${index} default export must respect the following type: UniversalMiddleware | UniversalMiddleware[]. Each individual middleware must be wrapped with enhance helper with at least a 'name'. See https://universal-middleware.dev/helpers/enhance`,
    )
  })
}

function mark<T>(app: T, server: string): T {
  ;(app as Record<symbol, unknown>)[PHOTON_SERVER] = server
  return app
}

export function createApply<App>(
  server: string,
  applyAdapter: Apply<App>,
  getUniversalEntries: Entries,
  getUniversalMiddlewares: Middlewares,
  devServerMiddleware?: () => UniversalMiddleware,
) {
  return function apply<T extends App>(app: T, additionalMiddlewares?: UniversalMiddleware[]): T {
    // Hono apps register vike-photon's middlewares that come as Hono middlewares as such (see hono-middlewares.ts).
    const target = server === 'hono' ? (withHonoMiddlewares(app as T & object) as T) : app
    applyAdapter(
      target,
      chain(getUniversalEntries, getUniversalMiddlewares, devServerMiddleware, additionalMiddlewares),
    )
    return mark(app, server)
  }
}

export function createApplyReturnApp<App>(
  server: string,
  applyAdapter: ApplyReturnApp<App>,
  getUniversalEntries: Entries,
  getUniversalMiddlewares: Middlewares,
  devServerMiddleware?: () => UniversalMiddleware,
) {
  // srvx apps (the built-in server) run on vike-photon's router, which puts each route's pipe together once (see
  // srvx-router.ts), instead of @universal-middleware/srvx 0.1.3's, which does it for every request.
  const adapter = server === 'srvx' ? (applySrvx as unknown as ApplyReturnApp<App>) : applyAdapter
  return function apply<T extends App>(additionalMiddlewares?: UniversalMiddleware[]): T {
    const middlewares = chain(getUniversalEntries, getUniversalMiddlewares, devServerMiddleware, additionalMiddlewares)
    return mark(adapter(middlewares) as T, server)
  }
}

export function createAsyncApply<App>(
  server: string,
  applyAdapter: AsyncApply<App>,
  getUniversalEntries: Entries,
  getUniversalMiddlewares: Middlewares,
  devServerMiddleware?: () => UniversalMiddleware,
) {
  return async function apply<T extends App>(app: T, additionalMiddlewares?: UniversalMiddleware[]): Promise<T> {
    await applyAdapter(
      app,
      chain(getUniversalEntries, getUniversalMiddlewares, devServerMiddleware, additionalMiddlewares),
    )
    return mark(app, server)
  }
}
