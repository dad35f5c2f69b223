import { Hono } from 'hono'
import { renderPage } from 'vike/server'
import { apply, serve } from '@photonjs/hono'

export async function renderHtml(url: string) {
  const { httpResponse } = await renderPage({ urlOriginal: url })
  return new Response(httpResponse?.body ?? '', { status: httpResponse?.statusCode ?? 500 })
}

const app = new Hono()
app.get('/preview', (c) => renderHtml(c.req.url.replace('/preview', '/')))
apply(app)
// TODO(vike-photon migrate): this route rendered the pages with renderPage(): apply(app) above does that now and this route is no longer reached; delete it (move what it adds to pageContextInit into +onCreatePageContext.server.ts)
app.get('*', (c) => renderHtml(c.req.url))

export default serve(app)
