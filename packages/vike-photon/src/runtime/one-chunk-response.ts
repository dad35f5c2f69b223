import type { ServerResponse } from 'node:http'
import { FastResponse } from 'srvx/node'
import type { ResponseBody } from './response.js'

// The pages' Response on servers that run on their own Node handler (Express, Fastify), whose adapters send it with
// @universal-middleware/node 0.2.9's sendResponse: that reads `response.body` as a web stream. srvx 0.12.8's
// FastResponse answers `body` by building a whole native (undici) Response and its stream around the page; on a
// loaded Express server that cost vike-photon about a tenth of its CPU per SSR request (interleaved A/B on the bench
// app, 7 rounds: 0.91 of the CPU per request). Here a page rendered to a string (or compressed bytes) is handed
// over as a stream of one chunk instead. vike-photon's own ways to Node skip the stream altogether and write the page
// with `sendOneChunk` below: its Express catch-all (universal-middleware-express.ts) and the Node launcher's bridge
// for fetch servers, Hono and the built-in server (fetch-to-node.ts).

/** The method of a OneChunkResponse that gives its parts to write to Node (a symbol shared by every copy). */
const NODE_PARTS = Symbol.for('vike-photon:one-chunk-node-parts')

/** What srvx 0.12.8's `_toNodeResponse()` returns: the headers as a flat list of lower-case names and values. */
interface NodeParts {
  status: number
  statusText: string
  headers: string[]
  body: unknown
}

export class OneChunkResponse extends FastResponse {
  readonly #source: ResponseBody | undefined
  #stream: ReadableStream<Uint8Array<ArrayBuffer>> | undefined

  constructor(body: ResponseBody, init: ResponseInit) {
    super(body, init)
    this.#source = body
  }

  override get body(): ReadableStream<Uint8Array<ArrayBuffer>> | null {
    const source = this.#source
    if (!isOneChunk(source)) return super.body
    // One stream per response, as with any Response (a second read of `body` sees the same, possibly used, stream).
    this.#stream ??= new ReadableStream<Uint8Array<ArrayBuffer>>({
      start(controller) {
        controller.enqueue(typeof source === 'string' ? (Buffer.from(source) as Uint8Array<ArrayBuffer>) : source)
        controller.close()
      },
    })
    return this.#stream
  }

  /** Status, headers and the one chunk, once; undefined when the body is a stream or was read as one. */
  [NODE_PARTS](): NodeParts | undefined {
    if (!isOneChunk(this.#source) || this.#stream !== undefined) return undefined
    const parts = (this as unknown as { _toNodeResponse(): NodeParts })._toNodeResponse()
    // A response read through the native Response (`clone()`, `text()`...) answers its stream there: srvx hands
    // that over instead, already taken from this response, so it is sent as a stream by the caller.
    return parts
  }
}

function isOneChunk(source: ResponseBody | undefined): source is string | Uint8Array<ArrayBuffer> {
  return typeof source === 'string' || source instanceof Uint8Array
}

/**
 * Writes a OneChunkResponse to Node as @universal-middleware/node 0.2.9's `sendResponse` would (status, reason,
 * Set-Cookie appended to those already set, every other header set over an earlier one, a Content-Length), with
 * the page in one `end()` instead of through a web stream. Returns false, having written nothing, for any other
 * response; a OneChunkResponse whose body turned out to be a stream comes back as a plain Response to send.
 */
export function sendOneChunk(response: Response, res: ServerResponse): boolean | Response {
  const getParts = (response as unknown as Partial<Record<typeof NODE_PARTS, () => NodeParts | undefined>>)[NODE_PARTS]
  const parts = typeof getParts === 'function' ? getParts.call(response) : undefined
  if (!parts) return false
  const { status, statusText, headers, body } = parts
  if (typeof body !== 'string' && !(body instanceof Uint8Array)) {
    const pairs: [string, string][] = []
    for (let i = 0; i < headers.length; i += 2) pairs.push([headers[i]!, headers[i + 1]!])
    return new Response(body as BodyInit | null, { status, statusText, headers: pairs })
  }
  res.statusCode = status
  // HTTP/2 has no reason phrase (Node warns when one is set).
  if (statusText && res.req?.httpVersion !== '2.0') res.statusMessage = statusText
  for (let i = 0; i < headers.length; i += 2) {
    const name = headers[i]!
    const value = headers[i + 1]!
    if (name === 'set-cookie') res.appendHeader(name, value)
    // A name listed twice (two `Link`s...) is joined, as a web Headers object does.
    else if (listedBefore(headers, name, i)) res.setHeader(name, `${res.getHeader(name)}, ${value}`)
    else res.setHeader(name, value)
  }
  if (res.req?.method === 'HEAD') res.end()
  else res.end(body)
  return true
}

function listedBefore(headers: string[], name: string, end: number): boolean {
  for (let i = 0; i < end; i += 2) if (headers[i] === name) return true
  return false
}
