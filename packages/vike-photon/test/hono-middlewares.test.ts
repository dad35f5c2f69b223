import { gunzipSync } from 'node:zlib'
import { enhance, type UniversalHandler, type UniversalMiddleware } from '@universal-middleware/core'
import { apply as applyUpstream } from '@universal-middleware/hono'
import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { compress } from '../src/runtime/compress.js'
import { HONO_MIDDLEWARE } from '../src/runtime/hono-middlewares.js'
import { createApply } from '../src/runtime/photon-apply.js'
import { createResponse, pageCompressorOf } from '../src/runtime/response.js'

// A Hono app applied by vike-photon's `apply` (which registers the compress middleware as the Hono middleware it
// carries, hono-middlewares.ts) against the same app applied by @universal-middleware/hono 0.4.21 alone (which wraps
// it, as before): the same requests, the same answers.

const BROWSER = 'gzip, deflate, br, zstd'
const html = `<!DOCTYPE html><html><body>${'<p>Hello, page</p>'.repeat(100)}</body></html>`

/** A page handler as vike-photon's (render.ts): it compresses with what the compress middleware left it. */
const pageHandler = enhance(
  (request: Request, context: Universal.Context) => {
    const path = new URL(request.url).pathname
    // Not a page: the app's own routes answer.
    if (path !== '/' && path !== '/small') return undefined
    const body = path === '/small' ? '<p>small</p>' : html
    const init = { status: 200, headers: [['Content-Type', 'text/html;charset=utf-8']] as [string, string][] }
    const compressPage = pageCompressorOf(request, context)
    return compressPage ? compressPage(body, init) : createResponse(body, init)
  },
  { name: 'page', path: '/**', method: 'GET' },
) as unknown as UniversalHandler

const addUser = enhance((_request: Request, context: Universal.Context) => ({ ...context, user: 'ada' }), {
  name: 'user',
}) as UniversalMiddleware

/** The app: vike-photon's chain, then an API route of its own. */
function honoApp(applyChain: (app: Hono) => void): Hono {
  const app = new Hono()
  applyChain(app)
  app.get('/api', (c) => c.json({ items: Array.from({ length: 200 }, (_, i) => ({ id: i, name: `item ${i}` })) }))
  return app
}

const ours = () =>
  honoApp((app) => {
    const apply = createApply(
      'hono',
      applyUpstream,
      () => [pageHandler],
      () => [compress as UniversalMiddleware],
    )
    apply(app, [addUser])
  })
const upstream = () => honoApp((app) => applyUpstream(app, [compress as UniversalMiddleware, addUser, pageHandler]))

const requests: [string, Record<string, string>, string?][] = [
  ['/', { 'accept-encoding': BROWSER }],
  ['/', { 'accept-encoding': 'br' }],
  ['/', {}],
  ['/', { 'accept-encoding': BROWSER, 'cache-control': 'no-transform' }],
  ['/', { 'accept-encoding': BROWSER }, 'HEAD'],
  ['/small', { 'accept-encoding': BROWSER }],
  ['/api', { 'accept-encoding': 'gzip' }],
  ['/nowhere', { 'accept-encoding': BROWSER }, 'POST'],
]

async function answer(app: Hono, [path, headers, method = 'GET']: (typeof requests)[number]) {
  const res = await app.fetch(new Request(`http://localhost${path}`, { method, headers }))
  const bytes = Buffer.from(await res.arrayBuffer())
  const encoding = res.headers.get('content-encoding')
  return {
    status: res.status,
    headers: Object.fromEntries([...res.headers].filter(([name]) => name !== 'content-length')),
    body:
      encoding === 'gzip' ? gunzipSync(bytes).toString() : encoding ? `${encoding}:${bytes.length}` : bytes.toString(),
  }
}

describe('Hono apps: vike-photon middlewares registered as Hono middlewares', () => {
  it('answers every request as @universal-middleware/hono does', async () => {
    for (const request of requests) {
      expect(await answer(ours(), request), `${request[2] ?? 'GET'} ${request[0]}`).toEqual(
        await answer(upstream(), request),
      )
    }
  })

  it('compresses pages and the API route', async () => {
    const page = await answer(ours(), requests[0]!)
    expect(page.headers['content-encoding']).toBe('gzip')
    expect(page.headers.vary).toBe('Accept-Encoding')
    expect(page.body).toBe(html)
    const api = await answer(ours(), requests[6]!)
    expect(api.headers['content-encoding']).toBe('gzip')
    expect(JSON.parse(api.body).items).toHaveLength(200)
  })

  it("registers the compress middleware's Hono form, and wraps the others", () => {
    const handlers = ours().routes.map((route) => route.handler)
    const honoForm = (compress as unknown as Record<symbol, unknown>)[HONO_MIDDLEWARE]
    expect(typeof honoForm).toBe('function')
    expect(handlers).toContain(honoForm)
    expect(upstream().routes.map((route) => route.handler)).not.toContain(honoForm)
    // The app's own middleware (addUser) is still @universal-middleware/hono's wrapper.
    expect(handlers.filter((handler) => /universalMiddlewareHono/.test(handler.name))).toHaveLength(1)
  })

  it("keeps an app's replacement of vike-photon:compress wrapped, as the app wrote it", async () => {
    const replacement = enhance(
      () => (response: Response) => {
        const stamped = new Response(response.body, response)
        stamped.headers.set('x-compress', 'app')
        return stamped
      },
      { name: 'vike-photon:compress' },
    ) as UniversalMiddleware
    const app = honoApp((app) => {
      createApply(
        'hono',
        applyUpstream,
        () => [pageHandler],
        () => [compress as UniversalMiddleware],
      )(app, [replacement])
    })
    const res = await app.fetch(new Request('http://localhost/', { headers: { 'accept-encoding': BROWSER } }))
    expect(res.headers.get('x-compress')).toBe('app')
    expect(res.headers.get('content-encoding')).toBeNull()
    expect(await res.text()).toBe(html)
  })
})
