import {
  apply as applyUniversal,
  bindUniversal,
  contextSymbol,
  enhance,
  getAdapterRuntime,
  getUniversal,
  getUniversalProp,
  methodSymbol,
  nameSymbol,
  orderSymbol,
  pathSymbol,
  type RuntimeAdapter,
  type UniversalHandler,
  type UniversalMiddleware,
  UniversalRouter,
  universalSymbol,
} from '@universal-middleware/core'

// The `apply()` of srvx apps (@photonjs/srvx: the built-in server, or an app's own srvx server) in a server build,
// used by vike-photon's copy of Photon's `createApplyReturnApp` (photon-apply.ts). It routes and runs the chain as
// @universal-middleware/srvx 0.1.3 does (a UniversalRouter of @universal-middleware/core 0.4.18 that pipes the
// middlewares into every route and answers 404 where nothing matched), except that each route's pipe is put together
// once. That router sorted the middlewares and built their pipe again for every request, and awaited every
// middleware, even one that returned at once; without that, an SSR request of the built-in server counts 1.5 to 1.8%
// fewer machine instructions (bench/README.md, "Follow-up of 2026-12-05").

type Middleware = UniversalMiddleware | UniversalHandler
type Runtime = RuntimeAdapter
type Universal = (request: Request, context: Universal.Context, runtime: Runtime) => unknown
type Answer = Response | undefined | Promise<Response | undefined>

/** A srvx app: the fetch handler that `apply()` returns, as @universal-middleware/srvx 0.1.3's `createHandler` builds it. */
export function applySrvx(middlewares: Middleware[]): (request: Request) => Promise<Response | undefined> {
  const router = new ComposedRouter()
  applyUniversal(router, middlewares as Parameters<typeof applyUniversal>[1])
  const handler = router[universalSymbol] as unknown as Universal
  return bindUniversal(handler as never, async function vikePhotonSrvx(request: Request) {
    return handler(request, contextOf(request), runtimeOf(request)) as Answer
  }) as unknown as (request: Request) => Promise<Response | undefined>
}

/** The universal context of a request, kept on it (`request.context`), as srvx apps share it. */
function contextOf(request: Request): Universal.Context {
  const holder = request as Request & { context?: Universal.Context }
  holder.context ??= {}
  return holder.context
}

interface SrvxRequest extends Request {
  runtime?: {
    cloudflare?: { env?: unknown; context?: { passThroughOnException?: () => void } }
    node?: { req?: unknown; res?: unknown }
  }
  waitUntil?: (promise: Promise<unknown>) => void
}

/** The runtime object of @universal-middleware/srvx 0.1.3: `runtime.srvx` is the request, plus Node's or Cloudflare's. */
function runtimeOf(request: SrvxRequest): Runtime {
  const { runtime } = request
  return getAdapterRuntime(
    'srvx',
    { params: undefined, srvx: request } as never,
    {
      env: runtime?.cloudflare?.env,
      ctx: {
        waitUntil: request.waitUntil?.bind(request),
        passThroughOnException: runtime?.cloudflare?.context?.passThroughOnException,
      },
      req: runtime?.node?.req,
      res: runtime?.node?.res,
    } as never,
  ) as Runtime
}

/**
 * A UniversalRouter whose routes hold their middleware pipe, put together on a route's first request (`use()` may
 * come after `route()`: middlewares are applied in their `order`). The base router routes (rou3, the route's
 * `context` and params) without piping; this one pipes, and answers requests that match no route as
 * @universal-middleware/srvx does: the middlewares alone, or 404.
 */
class ComposedRouter extends UniversalRouter {
  readonly #middlewares: Middleware[] = []
  #unrouted: Universal | undefined

  constructor() {
    super(false, false)
  }

  override use(middleware: UniversalMiddleware): this {
    this.#middlewares.push(middleware)
    return this
  }

  override route(handler: UniversalHandler): this {
    let pipe: Universal | undefined
    const middlewares = this.#middlewares
    const routed = (request: Request, context: Universal.Context, runtime: Runtime) => {
      pipe ??= composePipe([...middlewares, handler])
      return pipe(request, context, runtime)
    }
    // What the base router reads of a route: its path and methods, and the context it adds to the request's.
    return super.route(
      enhance(
        routed as UniversalHandler,
        {
          name: getUniversalProp(handler, nameSymbol),
          path: getUniversalProp(handler, pathSymbol),
          method: getUniversalProp(handler, methodSymbol),
          context: getUniversalProp(handler, contextSymbol),
          immutable: false,
        } as never,
      ),
    )
  }

  override applyCatchAll(): this {
    // @universal-middleware/srvx's router answers 404 for these methods on any path (its `handle404`).
    for (const method of ['GET', 'POST', 'PATCH'] as const) {
      this.route(
        enhance(() => new Response('NOT FOUND', { status: 404 }), { path: '/**', method, immutable: false }) as never,
      )
    }
    return this
  }

  override get [universalSymbol](): UniversalMiddleware {
    const routed = super[universalSymbol] as unknown as Universal
    const answer = (request: Request, context: Universal.Context, runtime: Runtime) =>
      routed(request, context, runtime) ?? this.#answerUnrouted(request, context, runtime)
    return answer as unknown as UniversalMiddleware
  }

  #answerUnrouted(request: Request, context: Universal.Context, runtime: Runtime): unknown {
    if (this.#middlewares.length === 0) return new Response('NOT FOUND', { status: 404 })
    this.#unrouted ??= composePipe(this.#middlewares)
    return this.#unrouted(request, context, runtime)
  }
}

interface Step {
  run: Universal
  isHandler: boolean
}

/**
 * `pipe()` of @universal-middleware/core 0.4.18, with its sorting done once: each middleware in `order`, a handler
 * only while no response exists; a middleware returns a new context, a Response (the first one wins) or a function
 * that gets the response afterwards, in the order they were returned. A result is awaited only when it is a promise.
 */
function composePipe(chain: Middleware[]): Universal {
  const steps: Step[] = inOrder(chain).map((m) => ({
    run: getUniversal(m) as unknown as Universal,
    isHandler: isHandler(m),
  }))
  return async function composedPipe(request, initialContext, runtime) {
    let context: Universal.Context = initialContext ?? {}
    const pending: ((response: Response) => unknown)[] = []
    let response: Response | undefined
    for (const step of steps) {
      if (step.isHandler && response) continue
      let result = step.run(request, context, runtime)
      if (result instanceof Promise) result = await result
      if (typeof result === 'function') pending.push(result as (response: Response) => unknown)
      else if (result !== null && typeof result === 'object') {
        if (result instanceof Response) response ??= result
        else context = result as Universal.Context
      }
    }
    if (!response) throw new Error('No Response found')
    for (const after of pending) {
      let next = after(response)
      if (next instanceof Promise) next = await next
      if (next) response = next as Response
    }
    return response
  }
}

/** `ordered()` of @universal-middleware/core 0.4.18: a stable sort by `order` (0 when not set). */
function inOrder(chain: Middleware[]): Middleware[] {
  return [...chain].sort((a, b) => orderOf(a) - orderOf(b))
}

function orderOf(middleware: Middleware): number {
  return getUniversalProp(middleware, orderSymbol, 0) as number
}

/** `isHandler()` of @universal-middleware/core 0.4.18: order 0 when an order is set, else whether it has a path. */
function isHandler(middleware: Middleware): boolean {
  const order = getUniversalProp(middleware, orderSymbol)
  if (typeof order === 'number') return order === 0
  return Boolean(getUniversalProp(middleware, pathSymbol))
}
