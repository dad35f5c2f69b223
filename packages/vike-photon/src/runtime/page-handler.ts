import { enhance, methodSymbol, type UniversalHandler } from '@universal-middleware/core'
import { methodNotAllowed } from './methods.js'
import { renderToResponse } from './render.js'

/** Every method reaches a page handler, which then answers GET and HEAD and refuses the rest (see methods.ts). */
const ROUTED_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const

/**
 * The universal handler of one Photon entry: a page (its route comes from the Photon entry) or the catch-all.
 */
export function createPageHandler(name: string): UniversalHandler {
  const handler = enhance(
    async function vikePhotonPage(request, context, runtime) {
      const { method } = request
      if (method !== 'GET' && method !== 'HEAD') {
        const refused = await methodNotAllowed()
        if (refused) return refused
      }
      const response = await renderToResponse(request, context, runtime as Record<string, unknown>, {
        withBody: method !== 'HEAD',
      })
      return response ?? new Response('Not Found', { status: 404 })
    },
    { name, immutable: false },
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
