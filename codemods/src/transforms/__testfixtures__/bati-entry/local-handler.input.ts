import { Hono } from 'hono'
import type { Context } from 'hono'
import { renderPage } from 'vike/server'

async function renderPages(c: Context) {
  const { httpResponse } = await renderPage({ urlOriginal: c.req.url })
  return new Response(httpResponse?.body ?? 'Not found', { status: httpResponse?.statusCode ?? 404 })
}

const server = new Hono()
server.get('/robots.txt', (c) => c.text('User-agent: *'))
server.get('/*', renderPages)

export { server as default }
