import { renderPage } from 'vike/server'

/** The app's own Vike handler: renders the page for a Web request. */
export async function vikeHandler(request: Request): Promise<Response> {
  const pageContext = await renderPage({ urlOriginal: request.url, headersOriginal: request.headers })
  const { httpResponse } = pageContext
  if (!httpResponse) return new Response('Not found', { status: 404 })
  const { readable, writable } = new TransformStream()
  httpResponse.pipe(writable)
  return new Response(readable, { status: httpResponse.statusCode, headers: httpResponse.headers })
}
