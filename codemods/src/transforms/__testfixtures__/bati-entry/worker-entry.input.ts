import { renderPage } from 'vike/server'

async function render(request: Request, env: Env) {
  const { httpResponse } = await renderPage({ urlOriginal: request.url, env })
  return new Response(httpResponse?.getReadableWebStream() ?? null, { status: httpResponse?.statusCode ?? 500 })
}

export default {
  async fetch(request: Request, env: Env) {
    if (new URL(request.url).pathname === '/healthz') return new Response('ok')
    return render(request, env)
  },
}
