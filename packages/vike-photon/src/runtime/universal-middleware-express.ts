// The server build of a Node app imports `@universal-middleware/express` (what @photonjs/express builds on) through
// this module, left in node_modules (targets/node/external-deps-plugin.ts), as universal-middleware-core.ts does for
// the core: `@photonjs/core`, a dependency of vike-photon, already depends on it, so every app has it installed,
// but a pnpm app's dist/server/ cannot import it by name.
import type { IncomingMessage, ServerResponse } from 'node:http'
import {
  apply as applyUniversal,
  contextSymbol,
  getAdapterRuntime,
  getUniversal,
  type UniversalHandler,
  type UniversalMiddleware,
  UniversalRouter,
  universalSymbol,
} from '@universal-middleware/core'
import { createMiddleware, createRequestAdapter, sendResponse } from '@universal-middleware/express'
import { sendOneChunk } from './one-chunk-response.js'

export * from '@universal-middleware/express'

/** What this module needs of an Express app (4 or 5). */
interface ExpressApp {
  use(handler: unknown): unknown
  all(path: string, handler: ExpressHandler): unknown
}
type ExpressHandler = (req: IncomingMessage, res: ServerResponse, next?: (error?: unknown) => void) => Promise<void>

/**
 * `apply(app)` of @photonjs/express 0.1.13, as @universal-middleware/express 0.4.31 does it (middlewares with
 * `app.use`, the routed handlers behind one catch-all route), except for how the catch-all sends a page: rendered to
 * a string, it goes to Node in one `end()` (`sendOneChunk`) instead of through a web stream and its reader, which
 * cost Express about a tenth of its CPU per SSR request (see bench/README.md). Any other response is sent by
 * @universal-middleware/express's own `sendResponse`, as before. vike-photon's compress middleware runs inside the
 * catch-all rather than as an Express layer (see RUN_BY_CATCH_ALL).
 */
export function apply(app: ExpressApp, middlewares: (UniversalMiddleware | UniversalHandler)[]): void {
  const router = new ExpressRouter(app)
  applyUniversal(router, middlewares as Parameters<typeof applyUniversal>[1], true)
  // Deferred, as in @universal-middleware/express: routes the app adds right after `apply(app)` come first.
  void Promise.resolve().then(() => router.applyCatchAll())
}

/**
 * Marks a universal middleware that the catch-all runs itself, instead of as an Express layer of its own: one that
 * only ever adds to the universal context on Express. vike-photon's compress middleware is one (it hands the page
 * handler a compressor, see compress.ts); as a layer it cost every request an Express layer and an adapter call,
 * pages or not. A symbol, not the name: a middleware of the app's that replaces `vike-photon:compress` stays a layer.
 */
export const RUN_BY_CATCH_ALL = Symbol.for('vike-photon:run-by-express-catch-all')

class ExpressRouter extends UniversalRouter {
  readonly #app: ExpressApp
  readonly #runByCatchAll: UniversalMiddleware[] = []

  constructor(app: ExpressApp) {
    super(false)
    this.#app = app
  }

  override use(middleware: UniversalMiddleware): this {
    const universal = getUniversal(middleware)
    if ((universal as unknown as Record<symbol, unknown>)[RUN_BY_CATCH_ALL] === true) {
      this.#runByCatchAll.push(universal)
      return this
    }
    this.#app.use(createMiddleware(() => universal)())
    return this
  }

  override applyCatchAll(): this {
    // Express 4 (which has `app.del`) and Express 5 spell "every path" differently.
    const everyPath = 'del' in this.#app ? '/**' : '/{*catchAll}'
    this.#app.all(everyPath, catchAll(this[universalSymbol] as UniversalHandler, this.#runByCatchAll))
    return this
  }
}

/**
 * @universal-middleware/express 0.4.31's `createHandler`, running `middlewares` (which only add to the universal
 * context) first and sending with `sendOneChunk` first.
 */
function catchAll(handler: UniversalHandler, middlewares: readonly UniversalMiddleware[]): ExpressHandler {
  const toRequest = createRequestAdapter()
  return async function vikePhotonExpress(req, res, next) {
    try {
      const store = req as unknown as Record<symbol, Universal.Context | undefined>
      store[contextSymbol] ??= {}
      const request = toRequest(req, res)
      const runtime = runtimeOf(req, res)
      for (const middleware of middlewares) {
        const context = await middleware(request, store[contextSymbol], runtime)
        if (context && typeof context === 'object') store[contextSymbol] = context as Universal.Context
      }
      const response = await handler(request, store[contextSymbol], runtime)
      if (!response) return nextOr404(res, next)
      const sent = sendOneChunk(response, res)
      if (sent !== true) await sendResponse(sent === false ? response : sent, res)
    } catch (error) {
      if (next) {
        next(error)
        return
      }
      console.error(error)
      if (!res.headersSent) res.statusCode = 500
      if (!res.writableEnded) res.end()
    }
  }
}

function runtimeOf(req: IncomingMessage, res: ServerResponse) {
  return getAdapterRuntime('express', {
    params: (req as { params?: Record<string, string> }).params,
    req,
    res,
    express: Object.freeze({ req, res }),
  } as Parameters<typeof getAdapterRuntime>[1])
}

function nextOr404(res: ServerResponse, next?: (error?: unknown) => void): void {
  if (next) {
    next()
    return
  }
  res.statusCode = 404
  res.end()
}
