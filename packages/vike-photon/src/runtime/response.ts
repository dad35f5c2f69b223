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

/**
 * Where the compress middleware puts, in the universal context, the function that compresses the page handler's
 * response when it cannot compress responses itself (on Express, see compress.ts).
 */
export const COMPRESS_PAGE = Symbol.for('vike-photon:compress-page')

export function setResponseFactory(next: ResponseFactory): void {
  factory = next
}
