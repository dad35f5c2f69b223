import type { IncomingMessage, ServerResponse } from 'node:http'

// Wraps the default export of every Vercel function that Photon's adapter writes for a page (ISR, edge, unit).
//
// Vercel rewrites such a page's URL to its function, and Photon adds `?__original_path=<the page's path>` to the
// rewrite so the function can tell which URL was asked for (an ISR function is invoked with its own path; Vercel also
// sends the matched path in `x-now-route-matches`). Photon's request middleware then rebuilds the URL from that path
// alone, which drops the query string the browser sent: `/search?q=vike` would render as `/search`. Here, before
// Photon sees the request, the URL becomes the original path with the browser's query string, minus Photon's
// parameter, and the header is removed, so Photon has nothing left to rebuild.

const ORIGINAL_PATH_PARAM = '__original_path'
const ROUTE_MATCHES_HEADER = 'x-now-route-matches'

type NodeHandler = (req: IncomingMessage, res: ServerResponse) => unknown
type EdgeHandler = (request: Request, ...rest: unknown[]) => unknown
type FetchHandler = { fetch: EdgeHandler }

/**
 * The URL (path and query) that was asked for, given the URL a function was invoked with and its
 * `x-now-route-matches` header; `null` when the request was not rewritten to the function.
 */
export function originalPathAndQuery(invokedUrl: string, routeMatches: string | null): string | null {
  // Every request of the server function passes here: the ones no rewrite sent cost one string search.
  if (!routeMatches && !invokedUrl.includes(ORIGINAL_PATH_PARAM)) return null
  const queryStart = invokedUrl.indexOf('?')
  const query = queryStart === -1 ? '' : invokedUrl.slice(queryStart + 1)
  // Split by hand rather than with URLSearchParams, which would re-encode the other parameters (`%20` → `+`).
  const params = query === '' ? [] : query.split('&')
  const own = params.find((param) => param.startsWith(`${ORIGINAL_PATH_PARAM}=`))
  let path: string | null = null
  // A path has no literal spaces, so a `+` in it is a plus sign (`/c++`), not form-encoding's space.
  if (own !== undefined) path = safeDecode(own.slice(ORIGINAL_PATH_PARAM.length + 1))
  else if (routeMatches) path = new URLSearchParams(routeMatches).get('1')
  if (!path) return null
  // The path is only a path: anything that would make it an absolute URL is ignored.
  const pathname = new URL(path, 'http://localhost').pathname
  const rest = params.filter((param) => param !== own)
  return rest.length > 0 ? `${pathname}?${rest.join('&')}` : pathname
}

function safeDecode(value: string): string | null {
  try {
    return decodeURIComponent(value)
  } catch {
    return null
  }
}

function restoreNodeRequest(req: IncomingMessage): void {
  const matches = req.headers[ROUTE_MATCHES_HEADER]
  const restored = originalPathAndQuery(req.url ?? '/', typeof matches === 'string' ? matches : null)
  if (restored === null) return
  req.url = restored
  delete req.headers[ROUTE_MATCHES_HEADER]
}

function restoreRequest(request: Request): Request {
  const restored = originalPathAndQuery(request.url, request.headers.get(ROUTE_MATCHES_HEADER))
  if (restored === null) return request
  const headers = new Headers(request.headers)
  headers.delete(ROUTE_MATCHES_HEADER)
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD'
  return new Request(new URL(restored, request.url), {
    method: request.method,
    headers,
    body: hasBody ? request.body : undefined,
    signal: request.signal,
    redirect: request.redirect,
    ...(hasBody ? { duplex: 'half' } : {}),
  } as RequestInit)
}

/** A Node function's default export: `(req, res)`, or `{ fetch }` for Photon's built-in server. */
export function withOriginalUrlNode(handler: NodeHandler | FetchHandler): NodeHandler | FetchHandler {
  if (typeof handler === 'function') {
    return (req, res) => {
      restoreNodeRequest(req)
      return handler(req, res)
    }
  }
  return { ...handler, fetch: (request, ...rest) => handler.fetch(restoreRequest(request), ...rest) }
}

/** An edge function's default export: `(request)`, or `{ fetch }`. */
export function withOriginalUrlEdge(handler: EdgeHandler | FetchHandler): EdgeHandler | FetchHandler {
  if (typeof handler === 'function') return (request, ...rest) => handler(restoreRequest(request), ...rest)
  return { ...handler, fetch: (request, ...rest) => handler.fetch(restoreRequest(request), ...rest) }
}
