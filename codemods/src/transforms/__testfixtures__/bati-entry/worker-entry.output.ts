import { renderPage } from 'vike/server'

async function render(request: Request, env: Env) {
  const { httpResponse } = await renderPage({ urlOriginal: request.url, env })
  return new Response(httpResponse?.getReadableWebStream() ?? null, { status: httpResponse?.statusCode ?? 500 })
}

// TODO(vike-photon migrate): this Worker renders the pages with renderPage(), which vike-photon now does: remove `photon.server` from +config to use its built-in server, or move your other routes into a Hono app with `apply(app)` and `export default serve(app)` from @photonjs/hono
export default {
  async fetch(request: Request, env: Env) {
    if (new URL(request.url).pathname === '/healthz') return new Response('ok')
    return render(request, env)
  },
}
