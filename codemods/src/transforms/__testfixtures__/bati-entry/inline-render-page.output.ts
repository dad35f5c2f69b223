import { Hono } from 'hono'
import { renderPage } from 'vike/server'
import { apply, serve } from '@photonjs/hono'

const app = new Hono()

app.get('/health', (c) => c.text('ok'))
apply(app)

// TODO(vike-photon migrate): this route rendered the pages with renderPage(): apply(app) above does that now and this route is no longer reached; delete it (move what it adds to pageContextInit into +onCreatePageContext.server.ts)
app.get('*', async (c, next) => {
  const pageContext = await renderPage({ urlOriginal: c.req.url, visitor: c.req.header('cf-connecting-ip') })
  const { httpResponse } = pageContext
  if (!httpResponse) return next()
  const { readable, writable } = new TransformStream()
  httpResponse.pipe(writable)
  return new Response(readable, { status: httpResponse.statusCode, headers: httpResponse.headers })
})

export default serve(app)
