// How pages are answered: a web Response, built through one factory so that a runtime can provide a faster
// one. The Node launcher installs srvx's FastResponse, which srvx writes straight to Node's response (a string
// body in one write, with Content-Length) instead of reading it back through a web stream.

export type ResponseFactory = (body: string | ReadableStream | null, init: ResponseInit) => Response

let factory: ResponseFactory = (body, init) => new Response(body, init)

export function createResponse(body: string | ReadableStream | null, init: ResponseInit): Response {
  return factory(body, init)
}

export function setResponseFactory(next: ResponseFactory): void {
  factory = next
}
