import { FastResponse } from 'srvx/node'
import type { ResponseBody } from './response.js'

// The pages' Response on servers that run on their own Node handler (Express, Fastify), whose adapters send it with
// @universal-middleware/node 0.2.9's sendResponse: that reads `response.body` as a web stream. srvx 0.12.8's
// FastResponse answers `body` by building a whole native (undici) Response and its stream around the page; on a
// loaded Express server that cost vike-photon about a tenth of its CPU per SSR request (interleaved A/B on the bench
// app, 7 rounds: 0.91 of the CPU per request). Here a page rendered to a string (or compressed bytes) is handed
// over as a stream of one chunk instead. Fetch servers (Hono...) never read `body`: srvx writes FastResponse
// straight to Node (`_toNodeResponse`), which this class leaves as it is.

export class OneChunkResponse extends FastResponse {
  readonly #source: ResponseBody | undefined
  #stream: ReadableStream<Uint8Array<ArrayBuffer>> | undefined

  constructor(body: ResponseBody, init: ResponseInit) {
    super(body, init)
    this.#source = body
  }

  override get body(): ReadableStream<Uint8Array<ArrayBuffer>> | null {
    const source = this.#source
    if (typeof source !== 'string' && !(source instanceof Uint8Array)) return super.body
    // One stream per response, as with any Response (a second read of `body` sees the same, possibly used, stream).
    this.#stream ??= new ReadableStream<Uint8Array<ArrayBuffer>>({
      start(controller) {
        controller.enqueue(typeof source === 'string' ? (Buffer.from(source) as Uint8Array<ArrayBuffer>) : source)
        controller.close()
      },
    })
    return this.#stream
  }
}
