import { enhance } from '@universal-middleware/core'
import { replaceHonoResponse } from './hono-response.js'
import { COMPRESS_PAGE, createResponse, stringBodyOf } from './response.js'

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
const WEB_ENCODINGS: readonly Encoding[] = ['gzip', 'deflate']
const COMPRESSIBLE =
  /^\s*(?:text\/|application\/(?:javascript|json|xml|ecmascript|manifest\+json|x-javascript)|image\/svg\+xml|[^;\s]+\+(?:json|xml))/i
const NO_TRANSFORM = /(?:^|,)\s*no-transform\s*(?:,|$)/i

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

/** The encoding for a request, or null: not for HEAD, nor when the request says `Cache-Control: no-transform`. */
function encodingFor(request: Request): Encoding | null {
  if (request.method === 'HEAD') return null
  // Without zlib (never on Node, where it is loaded at startup), CompressionStream has no brotli.
  const encoding = chooseEncoding(request.headers.get('accept-encoding'), zlib === null ? WEB_ENCODINGS : PREFERENCE)
  if (!encoding) return null
  const cacheControl = request.headers.get('cache-control')
  return cacheControl && NO_TRANSFORM.test(cacheControl) ? null : encoding
}

/** Whether this response is worth compressing at all, whatever its body. */
function compressible(response: Response): boolean {
  const { headers } = response
  if (headers.has('content-encoding')) return false
  const contentType = headers.get('content-type')
  if (!contentType || !COMPRESSIBLE.test(contentType)) return false
  const cacheControl = headers.get('cache-control')
  if (cacheControl && NO_TRANSFORM.test(cacheControl)) return false
  const length = headers.get('content-length')
  return !length || Number(length) >= COMPRESS_THRESHOLD
}

function compressSync(z: Zlib, encoding: Encoding, body: string): Buffer {
  if (encoding === 'br') return z.brotliCompressSync(body, brotliOptions(z, body))
  return encoding === 'gzip' ? z.gzipSync(body) : z.deflateSync(body)
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
 * Compresses one response for `encoding`. String bodies (pages rendered to a string, Response.json()...) are
 * compressed in one go and sent with Content-Length; other bodies are streamed through a compressor.
 */
export async function compressResponse(response: Response, encoding: Encoding): Promise<Response> {
  if (!compressible(response)) return response
  const body = stringBodyOf(response)
  if (body !== undefined && body.length < COMPRESS_THRESHOLD) return response
  if (zlib === undefined) await zlibLoaded
  let compressed: Uint8Array<ArrayBuffer> | ReadableStream | null
  if (body !== undefined && zlib) {
    compressed = (
      body.length <= SYNC_LIMIT ? compressSync(zlib, encoding, body) : await compressAsync(zlib, encoding, body)
    ) as Uint8Array<ArrayBuffer>
  } else {
    // A stream (a streamed page, or a Response made elsewhere); without zlib, also a string.
    const stream = response.body
    if (!stream) return response
    compressed = stream.pipeThrough(zlib ? zlibTransform(zlib, encoding) : new CompressionStream(encoding as 'gzip'))
  }
  const headers = response.headers
  headers.set('content-encoding', encoding)
  headers.delete('content-length')
  if (!/\baccept-encoding\b/i.test(headers.get('vary') ?? '')) headers.append('vary', 'Accept-Encoding')
  return createResponse(compressed, { status: response.status, statusText: response.statusText, headers })
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
 * Compresses pages and data responses on the fly (brotli, gzip or deflate, by `Accept-Encoding` and its q-values),
 * from 1 KB up. Requests that accept no encoding skip it at no cost.
 *
 * On Hono, the compressed response is set on Hono's context directly (see hono-response.ts).
 *
 * On Express, a universal middleware that handles responses makes @universal-middleware/express 0.4.31 route every
 * response body through web streams (about a third of the SSR throughput with a browser's `Accept-Encoding`).
 * There the middleware only passes the chosen encoding on, and vike-photon's page handler compresses the pages
 * and data responses it renders; the app's own Express routes are left to Express middlewares (`compression`).
 */
export const compress = enhance(
  function vikePhotonCompress(request: Request, context: Universal.Context, runtime: unknown) {
    const encoding = encodingFor(request)
    if (!encoding) return
    const { adapter, hono } = (runtime ?? {}) as { adapter?: string; hono?: unknown }
    if (adapter === 'express') {
      return { ...context, [COMPRESS_PAGE]: (response: Response) => compressResponse(response, encoding) }
    }
    return async (response: Response) => {
      const compressed = await compressResponse(response, encoding)
      // Undefined: the response is left as it is (Hono would otherwise copy even an unchanged one, see hono-response.ts).
      if (compressed === response) return undefined
      if (adapter === 'hono' && replaceHonoResponse(hono, compressed)) return undefined
      return compressed
    }
  },
  { name: 'vike-photon:compress', immutable: true },
)
