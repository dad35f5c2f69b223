import { Hono } from 'hono'
import { renderPage } from 'vike/server'

export async function renderHtml(url: string) {
  const { httpResponse } = await renderPage({ urlOriginal: url })
  return new Response(httpResponse?.body ?? '', { status: httpResponse?.statusCode ?? 500 })
}

const app = new Hono()
app.get('/preview', (c) => renderHtml(c.req.url.replace('/preview', '/')))
app.get('*', (c) => renderHtml(c.req.url))

export default app
