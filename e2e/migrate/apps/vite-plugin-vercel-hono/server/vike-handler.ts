import { renderPage } from 'vike/server'

/** A universal handler factory (what createHandler() wants): renders the page for a Web request. */
export const vikeHandler = () => async (request: Request) => {
  const pageContext = await renderPage({ urlOriginal: request.url, headersOriginal: request.headers })
  const response = pageContext.httpResponse
  return new Response(response.getReadableWebStream(), { status: response.statusCode, headers: response.headers })
}
