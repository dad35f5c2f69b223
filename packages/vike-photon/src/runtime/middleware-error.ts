import settings from 'virtual:vike-photon:runtime-settings'
import { getUniversal, universalSymbol } from '@universal-middleware/core'
import { getGlobalContextAsync } from 'vike/server'

// A `+middleware` (https://vike.dev/middleware) that throws makes `renderPage()` reject: Vike runs the app's
// middlewares around its renderer and renders the error page only for errors of hooks and pages. To answer with
// the app's error page anyway, the request is rendered a second time, with every `+middleware` skipped and the
// error rethrown by the extension's `+onCreatePageContext` hook (middleware-error-hook.ssr.ts).

type Middleware = ((request: Request, context: unknown, runtime: unknown) => unknown) & Record<symbol, unknown>

/** The requests whose second render skips the app's middlewares. */
const failedRequests = new WeakSet<Request>()
const skippable = new WeakSet<Middleware>()

/** Marks `request` so that the app's middlewares let it through untouched on its next render. */
export async function skipMiddlewaresFor(request: Request): Promise<void> {
  failedRequests.add(request)
  const { config } = await getGlobalContextAsync(settings.production)
  // Vike reads `config.middleware` (one entry per `+middleware` file, each a function or an array) for every
  // request: its functions are replaced in place, once, by ones that can be skipped. vike 0.4.266 offers no
  // other way to leave them out of one render.
  const files = (config as { middleware?: (Middleware | Middleware[])[] }).middleware ?? []
  for (const [i, file] of files.entries()) {
    if (!Array.isArray(file)) files[i] = skippableMiddleware(file)
    else for (const [j, middleware] of file.entries()) file[j] = skippableMiddleware(middleware)
  }
}

function skippableMiddleware(middleware: Middleware): Middleware {
  if (skippable.has(middleware) || typeof middleware !== 'function') return middleware
  const run = getUniversal(middleware) as Middleware
  const wrapped = ((request, context, runtime) =>
    failedRequests.has(request) ? undefined : run(request, context, runtime)) as Middleware
  // Keep what `enhance()` set (name, method, path, order): the router reads them from the function.
  for (const key of Object.getOwnPropertySymbols(middleware)) {
    if (key !== universalSymbol) Object.defineProperty(wrapped, key, Object.getOwnPropertyDescriptor(middleware, key)!)
  }
  skippable.add(wrapped)
  return wrapped
}
