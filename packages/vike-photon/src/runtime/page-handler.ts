import { enhance, methodSymbol, type UniversalHandler } from '@universal-middleware/core'
import { methodNotAllowed } from './methods.js'
import { internalServerError } from './on-error.js'
import { renderToResponse } from './render.js'

/**
 * Every method reaches a page handler, which then answers GET and HEAD and refuses the rest (see methods.ts).
 * `''` is "any other method" for the router of every adapter (rou3): a TRACE or PROPFIND that matched no route was
 * left unanswered by the built-in server and answered 404 or 500 (with a stack) by Hono, Express and Cloudflare.
 * The common methods stay listed by name: a route for a named method wins over `''` (srvx adds a 404 route for
 * GET, POST and PATCH on `/**` after ours).
 */
const ROUTED_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', ''] as const

/**
 * The universal handler of one Photon entry: a page (its route comes from the Photon entry) or the catch-all. `path`
 * is for a handler that is no Photon entry (a unit's fallback, plugin/per-page-plugin.ts), whose route Photon does
 * not set.
 */
export function createPageHandler(name: string, { path }: { path?: string } = {}): UniversalHandler {
  const handler = enhance(
    async function vikePhotonPage(request, context, runtime) {
      const { method } = request
      try {
        if (method !== 'GET' && method !== 'HEAD') {
          const refused = await methodNotAllowed(method)
          if (refused) return refused
        }
        const response = await renderToResponse(request, context, runtime as Record<string, unknown>, {
          withBody: method !== 'HEAD',
        })
        return response ?? new Response('Not Found', { status: 404 })
      } catch (error) {
        return internalServerError(error, context)
      }
    },
    { name, ...(path ? { path } : {}), immutable: false },
  )
  // Photon re-enhances every routed entry with `method: ['GET', 'POST']`, which would leave HEAD unrouted (a 404
  // for uptime monitors and crawlers, as with upstream vike-photon). The methods are fixed here on purpose.
  Object.defineProperty(handler, methodSymbol, {
    get: () => ROUTED_METHODS,
    set: () => {},
    enumerable: true,
  })
  return handler
}
