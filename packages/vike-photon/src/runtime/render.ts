import settings from 'virtual:vike-photon:runtime-settings'
import { renderPage } from 'vike/server'
import { skipMiddlewaresFor } from './middleware-error.js'
import { MIDDLEWARE_ERROR } from './middleware-error-hook.ssr.js'
import { ON_ERROR } from './on-error.js'
import { createResponse, type PageInit, pageCompressorOf } from './response.js'

// Runs Vike for one request and turns its answer into a web Response. Shared by the page handlers, the
// catch-all and the HEAD handling, so every way into Vike behaves the same.

export type RuntimeAdapterLike = Record<string, unknown>

/**
 * The methods vike 0.4.266 renders pages for inside its `+middleware` router (renderPageServer.js). For another one
 * (DELETE) that no `+middleware` answered, @universal-middleware/core 0.4.18's router rejects with "No Response
 * found": nobody handles that method on this URL, a 405, not a middleware that threw.
 */
const VIKE_RENDERS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'OPTIONS']
const NO_RESPONSE = 'No Response found'

export async function renderToResponse(
  request: Request,
  context: Universal.Context,
  runtime: RuntimeAdapterLike,
  { withBody = true }: { withBody?: boolean } = {},
): Promise<Response | undefined> {
  const pageContextInit: PageContextInit = {
    // What the user's middlewares added to the universal context (e.g. `user`) becomes part of pageContext.
    ...context,
    urlOriginal: request.url,
    headersOriginal: request.headers,
    // The server framework's request context (Hono's `c`, Express' `req`/`res`, Cloudflare's `env`, ...).
    runtime,
  }
  // The request itself, for the app's `+middleware`: without it Vike hands them a GET rebuilt from the URL and headers,
  // and a POST's method and body were lost (the name Vike's own server uses, vike 0.4.266). Vike reads it for nothing
  // else, and copies every property of pageContextInit into each pageContext it forks: an app without `+middleware`
  // does not get it (about 1% of Vike's work per request, bench/README.md, twenty-second session).
  if (settings.appMiddleware) pageContextInit._reqWeb = request
  let pageContext: Awaited<ReturnType<typeof renderPage>>
  try {
    pageContext = await renderPage(pageContextInit)
  } catch (error) {
    if (!VIKE_RENDERS.includes(request.method) && error instanceof Error && error.message === NO_RESPONSE) {
      return new Response('Method Not Allowed', {
        status: 405,
        headers: { Allow: VIKE_RENDERS.join(', '), 'Content-Type': 'text/plain; charset=utf-8' },
      })
    }
    // Without `+middleware` the build has no hook to rethrow the error (plugin/internal-imports-plugin.ts): rendering
    // again would run the page a second time and still not show the error page.
    if (!settings.appMiddleware) throw error
    // A `+middleware` threw (see middleware-error.ts): render the app's error page, without the middlewares.
    console.error('[vike-photon] A +middleware threw; answering 500 with the error page.')
    await skipMiddlewaresFor(request)
    pageContext = await renderPage({ ...pageContextInit, [MIDDLEWARE_ERROR]: error })
    // Never the page itself without its middlewares (one may have been an access check): only the error page.
    if ((pageContext as { errorWhileRendering?: unknown }).errorWhileRendering !== error) throw error
  }
  const { httpResponse } = pageContext
  if (!httpResponse) return undefined
  // `getMiddlewares({ onError })` (vike-server's apply option) hears about rendering errors.
  const onError = (context as Record<symbol, unknown>)[ON_ERROR]
  const error = (pageContext as { errorWhileRendering?: unknown }).errorWhileRendering
  if (error && typeof onError === 'function') onError(error)

  const init: PageInit = { status: httpResponse.statusCode, headers: httpResponse.headers }
  if (withBody) {
    // With the compress middleware in the chain, the page is compressed here, from the string Vike rendered (see
    // compress.ts).
    const compressPage = pageCompressorOf(request, context)
    const body = responseBody(httpResponse)
    return compressPage ? compressPage(body, init) : createResponse(body, init)
  }
  // HEAD: the length GET would send (Hono and Express sent none), when the page is rendered to a string. A streamed
  // page's GET has no length (chunked), so its HEAD has none either: RFC 9110 (8.6) allows a Content-Length on HEAD
  // only when it equals what GET sends, and rendering the stream to count it would cost the whole render.
  const length = stringBodyLength(httpResponse)
  if (length !== undefined) init.headers = [...init.headers, ['Content-Length', String(length)]]
  return createResponse(null, init)
}

function stringBodyLength(httpResponse: HttpResponse): number | undefined {
  try {
    return new TextEncoder().encode(httpResponse.body).length
  } catch {
    return undefined // a stream: its length is not known in advance
  }
}

/** What renderPage() gets: the universal context, the request's URL and headers, the server's runtime. */
interface PageContextInit extends Record<string, unknown> {
  urlOriginal: string
  headersOriginal: Headers
  runtime: RuntimeAdapterLike
  _reqWeb?: Request
}

type HttpResponse = NonNullable<Awaited<ReturnType<typeof renderPage>>['httpResponse']>

/**
 * A string when the page was rendered to a string (the common case, and much cheaper for the server than a
 * stream), else the web stream Vike produced (`stream: true` in vike-react and friends).
 */
function responseBody(httpResponse: HttpResponse): string | ReadableStream {
  try {
    return httpResponse.body
  } catch {
    return httpResponse.getReadableWebStream()
  }
}
