import settings from 'virtual:vike-photon:runtime-settings'
import { getGlobalContextAsync } from 'vike/server'

// Pages answer GET and HEAD. Any other method gets 405 with `Allow: GET, HEAD`, unless the app has
// `+middleware` (https://vike.dev/middleware): Vike then runs them for the methods Vike's own server passes to
// them, and they may well handle a POST to a page. Methods nobody handles (TRACE, PROPFIND, ...) always get 405:
// a request must never be left unanswered.

/** The methods that reach Vike (and so the app's `+middleware`) besides GET and HEAD. */
const METHODS_FOR_MIDDLEWARE = new Set(['POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'])
const PAGES_ONLY = 'GET, HEAD'
const WITH_MIDDLEWARE = `${PAGES_ONLY}, ${[...METHODS_FOR_MIDDLEWARE].join(', ')}`

let appHasMiddleware: Promise<boolean> | undefined

export async function methodNotAllowed(method: string): Promise<Response | undefined> {
  // `settings.production` says whether this is a build (not `import.meta.env.PROD`, which follows NODE_ENV: a build
  // made with NODE_ENV=test told Vike "development" here, and when a POST was the server's first request, Vike
  // failed with an internal error and kept failing for every request after it).
  appHasMiddleware ??= getGlobalContextAsync(settings.production).then(
    (globalContext) => ((globalContext.config as { middleware?: unknown[] }).middleware ?? []).flat().length > 0,
    (error: unknown) => {
      appHasMiddleware = undefined // ask again on the next request rather than fail forever
      throw error
    },
  )
  const hasMiddleware = await appHasMiddleware
  if (hasMiddleware && METHODS_FOR_MIDDLEWARE.has(method)) return undefined
  return new Response('Method Not Allowed', {
    status: 405,
    headers: { Allow: hasMiddleware ? WITH_MIDDLEWARE : PAGES_ONLY, 'Content-Type': 'text/plain; charset=utf-8' },
  })
}
