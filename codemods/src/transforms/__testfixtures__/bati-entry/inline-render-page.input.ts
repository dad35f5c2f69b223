import { Hono } from 'hono'
import { renderPage } from 'vike/server'

const app = new Hono()

app.get('/health', (c) => c.text('ok'))

app.get('*', async (c, next) => {
  const pageContext = await renderPage({ urlOriginal: c.req.url, visitor: c.req.header('cf-connecting-ip') })
  const { httpResponse } = pageContext
  if (!httpResponse) return next()
  const { readable, writable } = new TransformStream()
  httpResponse.pipe(writable)
  return new Response(readable, { status: httpResponse.statusCode, headers: httpResponse.headers })
})

export default app
