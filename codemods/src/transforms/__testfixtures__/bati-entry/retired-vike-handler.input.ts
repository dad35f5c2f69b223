import { renderPage } from 'vike/server'

export async function vikeHandler(request: Request): Promise<Response> {
  const { httpResponse } = await renderPage({ urlOriginal: request.url, headersOriginal: request.headers })
  return new Response(httpResponse?.getReadableWebStream() ?? null, {
    status: httpResponse?.statusCode,
    headers: httpResponse?.headers,
  })
}
