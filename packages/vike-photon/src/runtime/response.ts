// How pages are answered: a web Response, built through one factory so that a runtime can provide a faster
// one. The Node launcher installs srvx's FastResponse, which srvx writes straight to Node's response (a string
// body in one write, with Content-Length) instead of reading it back through a web stream.

export type ResponseBody = string | Uint8Array<ArrayBuffer> | ReadableStream | null
export type ResponseFactory = (body: ResponseBody, init: ResponseInit) => Response

let factory: ResponseFactory = (body, init) => new Response(body, init)

/** The string each response was created with, so that compression need not read it back from a stream. */
const stringBodies = new WeakMap<Response, string>()

export function createResponse(body: ResponseBody, init: ResponseInit): Response {
  const response = factory(body, init)
  if (typeof body === 'string') stringBodies.set(response, body)
  return response
}

/** The body of a response made by `createResponse` from a string; undefined for any other response. */
export function stringBodyOf(response: Response): string | undefined {
  return stringBodies.get(response)
}

/** Status and headers of a page as Vike gives them (`pageContext.httpResponse`). */
export interface PageInit {
  status: number
  headers: [string, string][]
}

/**
 * Builds the Response of a page in an encoding the request accepts (compress.ts): the compress middleware hands it
 * to the page handler, which then compresses a page rendered to a string before any Response exists.
 */
export type PageCompressor = (body: ResponseBody, init: PageInit) => Response | Promise<Response>

/**
 * Where the compress middleware puts the request's PageCompressor in the universal context, on Express (whose
 * middlewares cannot handle responses cheaply, see compress.ts).
 */
export const COMPRESS_PAGE = Symbol.for('vike-photon:compress-page')

/** The PageCompressor of each request on fetch servers (Hono, srvx...), whose middlewares return a response handler. */
const pageCompressors = new WeakMap<Request, PageCompressor>()

export function setPageCompressor(request: Request, compressor: PageCompressor): void {
  pageCompressors.set(request, compressor)
}

/**
 * The compressor the compress middleware left for this request, or undefined: no compression asked for, or an adapter
 * that handed the page handler another Request object than the middleware (its response handler then compresses
 * the page on the way out, as any response).
 */
export function pageCompressorOf(request: Request, context: Universal.Context): PageCompressor | undefined {
  return (context as Record<symbol, PageCompressor | undefined>)[COMPRESS_PAGE] ?? pageCompressors.get(request)
}

export function setResponseFactory(next: ResponseFactory): void {
  factory = next
}
