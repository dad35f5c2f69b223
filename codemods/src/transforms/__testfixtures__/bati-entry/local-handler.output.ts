import { Hono } from 'hono'
import type { Context } from 'hono'
import { renderPage } from 'vike/server'
import { apply, serve } from '@photonjs/hono'

// TODO(vike-photon migrate): `renderPages` is no longer used: apply(server) renders the pages now; delete it (move what it adds to pageContextInit into +onCreatePageContext.server.ts)
async function renderPages(c: Context) {
  const { httpResponse } = await renderPage({ urlOriginal: c.req.url })
  return new Response(httpResponse?.body ?? 'Not found', { status: httpResponse?.statusCode ?? 404 })
}

const server = new Hono()
server.get('/robots.txt', (c) => c.text('User-agent: *'))
// TODO(vike-photon migrate): apply(server) renders the pages now, in place of `renderPages`
apply(server)

export default serve(server)
