// TODO(vike-photon migrate): this file is no longer used: apply(app) from @photonjs/hono renders the pages now; delete it (anything it added to pageContext goes into +onCreatePageContext.server.ts)
import { renderPage } from 'vike/server'

export async function vikeHandler(request: Request): Promise<Response> {
  const { httpResponse } = await renderPage({ urlOriginal: request.url, headersOriginal: request.headers })
  return new Response(httpResponse?.getReadableWebStream() ?? null, {
    status: httpResponse?.statusCode,
    headers: httpResponse?.headers,
  })
}
