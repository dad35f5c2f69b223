/** Where `getMiddlewares({ onError })` leaves its callback in the universal context, for the page renderer. */
export const ON_ERROR = Symbol.for('vike-photon:onError')

const ERROR_PAGE =
  '<!doctype html><html><head><title>500 Internal Server Error</title></head>' +
  '<body><h1>500 Internal Server Error</h1></body></html>'

/**
 * The answer when Vike itself throws, even on the second render meant for the error page (see
 * middleware-error.ts). Logs the error, tells `getMiddlewares({ onError })`, and answers 500: the request is never
 * left hanging, and the visitor sees no stack trace.
 */
export function internalServerError(error: unknown, context: Universal.Context): Response {
  console.error('[vike-photon] Rendering the page threw; answered 500.', error)
  const onError = (context as Record<symbol, unknown>)[ON_ERROR]
  if (typeof onError === 'function') onError(error)
  return new Response(ERROR_PAGE, { status: 500, headers: { 'Content-Type': 'text/html; charset=utf-8' } })
}
