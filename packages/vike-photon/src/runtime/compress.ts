import { enhance } from '@universal-middleware/core'
import { CompressedPages, mayKeep } from './compressed-pages.js'
import { HONO_MIDDLEWARE } from './hono-middlewares.js'
import { replaceHonoResponse } from './hono-response.js'
import {
  COMPRESS_PAGE,
  createResponse,
  type PageInit,
  type ResponseBody,
  setPageCompressor,
  stringBodyOf,
} from './response.js'

// On-the-fly compression of pages and data responses on Node. Static files are precompressed at build time
// instead (targets/node/precompress-plugin.ts). A page rendered to a string (the common case) is compressed in one call of
// zlib (@universal-middleware/compress 0.2.37, used before, built a zlib stream and a web ReadableStream around it
// for every response, which cost more CPU than rendering a small page, and put 26 KB into every server build,
// most of it a JavaScript deflate for runtimes without zlib). Streamed pages stream through a zlib stream.

type Zlib = typeof import('node:zlib')
export type Encoding = 'br' | 'gzip' | 'deflate'

/** Bodies smaller than this are sent as they are: the bytes saved do not pay for the CPU time. */
export const COMPRESS_THRESHOLD = 1024
/** Larger string bodies are compressed on zlib's thread pool rather than on the event loop. */
const SYNC_LIMIT = 128 * 1024
/** Equal q-values: brotli first (smallest at a cost close to gzip's at this quality), then gzip, then deflate. */
const PREFERENCE: readonly Encoding[] = ['br', 'gzip', 'deflate']
/**
 * Up to this many characters, a string body is compressed with gzip when the client accepts gzip as much as brotli.
 * Compressed, such a body fits in TCP's first flight (10 segments, about 14 KB) either way, so brotli's smaller
 * output saves the client no round trip, while it costs about twice the CPU of gzip with a window sized to the body
 * (Node 20, one process, caches churned between calls: a 1.5 KB page 23 to 29 µs and 657 B for gzip, 48 to 59 µs
 * and 611 B for brotli at quality 4; 8 KB of HTML 55 µs / 2.5 KB against 91 µs / 2.5 KB; 16 KB 116 µs / 4.7 KB
 * against 152 µs / 4.7 KB). Larger bodies and streams keep brotli first.
 */
export const SMALL_BODY = 16 * 1024
const SMALL_BODY_PREFERENCE: readonly Encoding[] = ['gzip', 'br', 'deflate']
const WEB_ENCODINGS: readonly Encoding[] = ['gzip', 'deflate']
const COMPRESSIBLE =
  /^\s*(?:text\/|application\/(?:javascript|json|xml|ecmascript|manifest\+json|x-javascript)|image\/svg\+xml|[^;\s]+\+(?:json|xml))/i
const NO_TRANSFORM = /(?:^|,)\s*no-transform\s*(?:,|$)/i
const VARY_ACCEPT_ENCODING = /\baccept-encoding\b/i

// `node:zlib` is loaded lazily so that importing `vike-photon/universal-middlewares` works on runtimes without it;
// there, compression falls back to the web's CompressionStream (gzip and deflate).
let zlib: Zlib | null | undefined
const zlibLoaded = import('node:zlib').then(
  (m) => {
    zlib = m
  },
  () => {
    zlib = null
  },
)

/**
 * The encoding to answer `Accept-Encoding` with, honouring q-values (`br;q=0` refuses brotli, `*` stands for any
 * encoding not named); null when the client accepts none we produce, prefers `identity`, or sent no header.
 */
export function chooseEncoding(
  acceptEncoding: string | null,
  available: readonly Encoding[] = PREFERENCE,
): Encoding | null {
  if (!acceptEncoding) return null
  const q = new Map<string, number>()
  for (const part of acceptEncoding.split(',')) {
    const [name, ...params] = part.split(';')
    const coding = name!.trim().toLowerCase()
    if (!coding) continue
    let quality = 1
    for (const param of params) {
      const [key, value] = param.split('=')
      if (key?.trim().toLowerCase() === 'q') quality = Number.parseFloat(value ?? '')
    }
    q.set(coding, Number.isNaN(quality) ? 0 : quality)
  }
  const wildcard = q.get('*')
  let best: Encoding | null = null
  let bestQ = 0
  for (const encoding of available) {
    const quality = q.get(encoding) ?? wildcard ?? 0
    if (quality > bestQ) {
      best = encoding
      bestQ = quality
    }
  }
  // `identity;q=1, gzip;q=0.5`: the client would rather have the body as it is.
  const identity = q.get('identity') ?? 0
  return best && bestQ >= identity ? best : null
}

/** The encodings a request accepts: one for small string bodies (see SMALL_BODY), one for the rest. */
export interface Encodings {
  small: Encoding
  large: Encoding
}

/** The last `Accept-Encoding` seen and what it chose: a browser sends the same header with every request. */
let lastAccepted: { header: string; zlib: boolean; encodings: Encodings | null } | undefined

/** The encodings for a request, or null: not for HEAD, nor when the request says `Cache-Control: no-transform`. */
function encodingsFor(request: Request): Encodings | null {
  if (request.method === 'HEAD') return null
  const header = request.headers.get('accept-encoding')
  if (!header) return null
  const withZlib = zlib !== null
  if (lastAccepted?.header !== header || lastAccepted.zlib !== withZlib) {
    lastAccepted = { header, zlib: withZlib, encodings: chooseEncodings(header, withZlib) }
  }
  const { encodings } = lastAccepted
  if (!encodings) return null
  const cacheControl = request.headers.get('cache-control')
  return cacheControl && NO_TRANSFORM.test(cacheControl) ? null : encodings
}

function chooseEncodings(header: string, withZlib: boolean): Encodings | null {
  // Without zlib (never on Node, where it is loaded at startup), CompressionStream has no brotli.
  const large = chooseEncoding(header, withZlib ? PREFERENCE : WEB_ENCODINGS)
  if (!large) return null
  return { small: chooseEncoding(header, withZlib ? SMALL_BODY_PREFERENCE : WEB_ENCODINGS) ?? large, large }
}

/** Whether this response is worth compressing at all, whatever its body. */
function compressible(response: Response): boolean {
  if (!compressibleHeaders(response.headers)) return false
  const length = response.headers.get('content-length')
  return !length || Number(length) >= COMPRESS_THRESHOLD
}

/** Text of some kind, not encoded yet, and no `Cache-Control: no-transform`; from a Headers object or Vike's list. */
function compressibleHeaders(headers: Iterable<[string, string]>): boolean {
  let contentType: string | undefined
  for (const [name, value] of headers) {
    const key = name.toLowerCase()
    if (key === 'content-type') contentType = value
    else if (key === 'content-encoding') return false
    else if (key === 'cache-control' && NO_TRANSFORM.test(value)) return false
  }
  return contentType !== undefined && COMPRESSIBLE.test(contentType)
}

/** Vike's header list for the compressed page: no Content-Length (the Response sets the new one), a Vary. */
function encodedHeaders(headers: readonly [string, string][], encoding: Encoding): [string, string][] {
  const encoded: [string, string][] = []
  let varies = false
  for (const header of headers) {
    const key = header[0].toLowerCase()
    if (key === 'content-length') continue
    if (key === 'vary' && VARY_ACCEPT_ENCODING.test(header[1])) varies = true
    encoded.push(header)
  }
  encoded.push(['content-encoding', encoding])
  if (!varies) encoded.push(['vary', 'Accept-Encoding'])
  return encoded
}

function compressSync(z: Zlib, encoding: Encoding, body: string): Buffer {
  if (encoding === 'br') return z.brotliCompressSync(body, brotliOptions(z, body))
  const options = { windowBits: deflateWindowBits(body.length) }
  return encoding === 'gzip' ? z.gzipSync(body, options) : z.deflateSync(body, options)
}

/**
 * The smallest deflate window that holds the whole body (deflate reaches back 2^n - 262 bytes), within zlib's
 * bounds (9 to 15 bits): zlib allocates and clears the window and its hash chains for every call, 64 KB at the
 * default of 15 bits. For a 1.5 KB page, 27 µs instead of 31 to 48 µs, the same 657 bytes.
 */
export function deflateWindowBits(length: number): number {
  return Math.min(15, Math.max(9, Math.ceil(Math.log2(length + 262))))
}

function compressAsync(z: Zlib, encoding: Encoding, body: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const done = (error: Error | null, result: Buffer) => (error ? reject(error) : resolve(result))
    if (encoding === 'br') z.brotliCompress(body, brotliOptions(z, body), done)
    else if (encoding === 'gzip') z.gzip(body, done)
    else z.deflate(body, done)
  })
}

/**
 * Quality 4, as @universal-middleware/compress uses: close to gzip's CPU time, and smaller. The window is sized to
 * the body (brotli's default, 4 MB, is set up for every call) and the mode is text: measured in one process on
 * Node 20 for a 1.9 KB page, 55 µs instead of 67 µs per call for one byte more (783 B instead of 782 B); for a
 * 20 KB page, 108 µs instead of 119 µs.
 */
function brotliOptions(z: Zlib, body: string) {
  const { constants } = z
  return {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 4,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
      [constants.BROTLI_PARAM_LGWIN]: brotliWindowBits(body.length),
    },
  }
}

/**
 * The smallest window that holds the whole body (a window of 2^n bytes holds 2^n - 16 of them), within brotli's
 * bounds (10 to 24 bits). `length` counts UTF-16 units: a body with multi-byte characters only loses matches further
 * back than the window.
 */
export function brotliWindowBits(length: number): number {
  return Math.min(24, Math.max(10, Math.ceil(Math.log2(length + 16))))
}

/**
 * Compresses one response in an encoding the request accepts (gzip before brotli for string bodies up to SMALL_BODY).
 * String bodies (pages rendered to a string, Response.json()...) are compressed in one go and sent with
 * Content-Length; other bodies are streamed through a compressor.
 */
export async function compressResponse(response: Response, encodings: Encodings): Promise<Response> {
  if (!compressible(response)) return response
  const body = stringBodyOf(response)
  if (body !== undefined && body.length < COMPRESS_THRESHOLD) return response
  const encoding = body === undefined ? encodings.large : encodingFor(body, encodings)
  if (zlib === undefined) await zlibLoaded
  let compressed: CompressedBody | ReadableStream | null
  if (body !== undefined && zlib) {
    compressed = await compressString(zlib, encoding, body)
  } else {
    // A stream (a streamed page, or a Response made elsewhere); without zlib, also a string.
    const stream = response.body
    if (!stream) return response
    compressed = stream.pipeThrough(zlib ? zlibTransform(zlib, encoding) : new CompressionStream(encoding as 'gzip'))
  }
  const headers = response.headers
  headers.set('content-encoding', encoding)
  headers.delete('content-length')
  if (!VARY_ACCEPT_ENCODING.test(headers.get('vary') ?? '')) headers.append('vary', 'Accept-Encoding')
  return createResponse(compressed, { status: response.status, statusText: response.statusText, headers })
}

/** gzip before brotli for string bodies up to SMALL_BODY: see SMALL_BODY_PREFERENCE. */
function encodingFor(body: string, encodings: Encodings): Encoding {
  return body.length <= SMALL_BODY ? encodings.small : encodings.large
}

/** zlib's Buffers sit on an ArrayBuffer, never a SharedArrayBuffer, as a Response body must; their type says either. */
type CompressedBody = Uint8Array<ArrayBuffer>

function compressString(z: Zlib, encoding: Encoding, body: string): CompressedBody | Promise<CompressedBody> {
  if (body.length <= SYNC_LIMIT) return compressSync(z, encoding, body) as CompressedBody
  return compressAsync(z, encoding, body) as Promise<CompressedBody>
}

/** Page responses built by `compressPage`: the compress middleware's response handler has nothing left to do. */
const pagesDone = new WeakSet<Response>()

/**
 * The page handler's side of compression (see `compress` below). A page rendered to a string is compressed before
 * its Response exists, as decided from Vike's header list, so that one Response is built, with the compressed bytes;
 * through `compressResponse`, the page's Response was built, its headers read back through a web Headers object and
 * a second Response built around the bytes. Streamed pages stream through a compressor, as any response.
 */
function compressPage(body: ResponseBody, init: PageInit, encodings: Encodings): Response | Promise<Response> {
  if (typeof body !== 'string') return compressResponse(createResponse(body, init), encodings).then(pageDone)
  if (body.length < COMPRESS_THRESHOLD || !compressibleHeaders(init.headers))
    return pageDone(createResponse(body, init))
  if (zlib === undefined) return zlibLoaded.then(() => compressPage(body, init, encodings))
  if (!zlib) return compressResponse(createResponse(body, init), encodings)
  const encoding = encodingFor(body, encodings)
  const compressed = compressPageBody(zlib, encoding, body, init.headers)
  const page = (bytes: CompressedBody) =>
    pageDone(createResponse(bytes, { status: init.status, headers: encodedHeaders(init.headers, encoding) }))
  // Synchronous unless the body is large (SYNC_LIMIT): no promise for a small page (see bench/README.md, async-work).
  return compressed instanceof Promise ? compressed.then(page) : page(compressed)
}

function pageDone(response: Response): Response {
  pagesDone.add(response)
  return response
}

/** Pages compressed before, by HTML (see compressed-pages.ts). */
const compressedPages = new CompressedPages()

/** A page's HTML compressed, or the bytes kept from the last time the same HTML was (see compressed-pages.ts). */
function compressPageBody(
  z: Zlib,
  encoding: Encoding,
  html: string,
  headers: readonly [string, string][],
): CompressedBody | Promise<CompressedBody> {
  if (!mayKeep(headers)) return compressString(z, encoding, html)
  const kept = compressedPages.get(encoding, html)
  if (kept) return kept
  const compressed = compressString(z, encoding, html)
  // Bodies compressed off the event loop are larger than any page kept.
  if (!(compressed instanceof Promise)) compressedPages.set(encoding, html, compressed)
  return compressed
}

/** A zlib stream as a web TransformStream, flushed after every chunk so that a streamed page arrives as it renders. */
function zlibTransform(z: Zlib, encoding: Encoding): TransformStream<Uint8Array, Uint8Array> {
  const { constants } = z
  const compressor =
    encoding === 'br'
      ? z.createBrotliCompress({
          flush: constants.BROTLI_OPERATION_FLUSH,
          params: { [constants.BROTLI_PARAM_QUALITY]: 4 },
        })
      : encoding === 'gzip'
        ? z.createGzip({ flush: constants.Z_SYNC_FLUSH })
        : z.createDeflate({ flush: constants.Z_SYNC_FLUSH })
  return new TransformStream({
    start(controller) {
      compressor.on('data', (chunk: Buffer) => controller.enqueue(new Uint8Array(chunk)))
    },
    transform(chunk) {
      return new Promise<void>((resolve, reject) => {
        compressor.write(chunk, (error) => (error ? reject(error) : resolve()))
      })
    },
    flush() {
      return new Promise<void>((resolve, reject) => {
        compressor.once('end', resolve)
        compressor.once('error', reject)
        compressor.end()
      })
    },
  })
}

/**
 * Compresses pages and data responses on the fly (brotli, gzip or deflate, by `Accept-Encoding` and its q-values,
 * gzip first for bodies up to 16 KB: see SMALL_BODY), from 1 KB up. Requests that accept no encoding skip it at no cost.
 *
 * Vike's pages are compressed by the page handler, which the middleware leaves a compressor for (`compressPage`):
 * a page rendered to a string becomes one Response, with its compressed bytes. Other responses (the app's own
 * routes, `Response.json()`...) are compressed on their way out; on Hono, set on Hono's context directly (see
 * hono-response.ts).
 *
 * On Express, a universal middleware that handles responses makes @universal-middleware/express 0.4.31 route every
 * response body through web streams (about a third of the SSR throughput with a browser's `Accept-Encoding`).
 * There the middleware only passes the compressor on, in the universal context (the request it sees need not be the
 * page handler's), and the app's own Express routes are left to Express middlewares (`compression`).
 */
export const compress = markRunByExpressCatchAll(
  enhance(
    function vikePhotonCompress(request: Request, context: Universal.Context, runtime: unknown) {
      const encodings = encodingsFor(request)
      if (!encodings) return
      const { adapter, hono } = (runtime ?? {}) as { adapter?: string; hono?: unknown }
      const compressThisPage = (body: ResponseBody, init: PageInit) => compressPage(body, init, encodings)
      if (adapter === 'express') return { ...context, [COMPRESS_PAGE]: compressThisPage }
      setPageCompressor(request, compressThisPage)
      return (response: Response) => {
        // A page the page handler compressed: nothing to do, and no promise to make for it.
        if (pagesDone.has(response)) return undefined
        return compressOnTheWayOut(response, encodings).then((compressed) => {
          // Undefined: the response is left as it is (Hono would otherwise copy even an unchanged one, see hono-response.ts).
          if (!compressed) return undefined
          if (adapter === 'hono' && replaceHonoResponse(hono, compressed)) return undefined
          return compressed
        })
      }
    },
    { name: 'vike-photon:compress', immutable: true },
  ),
)

/** The compressed copy of a response on its way out, or undefined: a page compressed already, or left as it is. */
async function compressOnTheWayOut(response: Response, encodings: Encodings): Promise<Response | undefined> {
  if (pagesDone.has(response)) return undefined
  const compressed = await compressResponse(response, encodings)
  return compressed === response ? undefined : compressed
}

interface HonoContext {
  req: { raw: Request }
  res: Response | undefined
}

/**
 * The same middleware as a Hono middleware: a Hono app registers this one (hono-middlewares.ts), which skips the
 * universal runtime @universal-middleware/hono builds for every request it wraps a middleware for.
 */
async function vikePhotonCompressHono(c: HonoContext, next: () => Promise<void>): Promise<void> {
  const request = c.req.raw
  const encodings = encodingsFor(request)
  if (!encodings) return next()
  setPageCompressor(request, (body, init) => compressPage(body, init, encodings))
  await next()
  const compressed = c.res && (await compressOnTheWayOut(c.res, encodings))
  if (compressed) replaceHonoResponse(c, compressed)
}
Object.assign(compress, { [HONO_MIDDLEWARE]: vikePhotonCompressHono })

/**
 * On Express, the middleware only adds to the universal context: vike-photon's Express adapter runs it inside its
 * catch-all rather than as an Express layer (RUN_BY_CATCH_ALL in universal-middleware-express.ts, which reads the
 * same registered symbol from its own module: importing it here would put that module into every server bundle).
 */
function markRunByExpressCatchAll<T extends object>(middleware: T): T {
  return Object.assign(middleware, { [Symbol.for('vike-photon:run-by-express-catch-all')]: true })
}
