import { enhance, type UniversalHandler, type UniversalMiddleware } from '@universal-middleware/core'
import { apply as applyUpstream } from '@universal-middleware/srvx'
import { describe, expect, it } from 'vitest'
import { applySrvx } from '../src/runtime/srvx-router.js'

// vike-photon's router for srvx apps (the built-in server) against the one it replaces, @universal-middleware/srvx
// 0.1.3's: the same chain, the same requests, the same answers, down to what the handler saw of its context and
// runtime. Only the work per request differs (see srvx-router.ts).

type Fetch = (request: Request) => Promise<Response | undefined>

/** What a handler answers: the route, and what it saw of the universal context and runtime. */
function reporter(name: string, path: string, method: string | string[] = 'GET', context?: object): UniversalHandler {
  // `''` routes every other method (as vike-photon's page handlers do, page-handler.ts); enhance's types have no name
  // for it.
  const options = { name, path, method, ...(context ? { context } : {}) } as unknown as Parameters<typeof enhance>[1]
  return enhance(
    (request: Request, ctx: Universal.Context, runtime: Record<string, unknown>) =>
      Response.json({
        name,
        url: new URL(request.url).pathname,
        context: ctx,
        params: runtime.params ?? null,
        adapter: runtime.adapter,
        sameRequest: runtime.srvx === request,
      }),
    options,
  ) as unknown as UniversalHandler
}

const addUser = enhance((_request: Request, context: Universal.Context) => ({ ...context, user: 'ada' }), {
  name: 'user',
}) as UniversalMiddleware

/** A middleware that handles the response afterwards: the last one to run sets the header. */
const stamper = (name: string, value: string) =>
  enhance(
    () => (response: Response) => {
      const stamped = new Response(response.body, response)
      stamped.headers.set('x-stamped', value)
      return stamped
    },
    { name },
  ) as UniversalMiddleware
const stamp = stamper('stamp', 'yes')

/** Runs first although it comes last in the chain: its `order` says so. */
const early = enhance(
  async (_request: Request, context: Universal.Context) => ({
    ...context,
    order: [...((context as { order?: string[] }).order ?? []), 'early'],
  }),
  { name: 'early', order: -10 },
) as UniversalMiddleware

const guard = enhance(
  (request: Request) =>
    new URL(request.url).pathname === '/private' ? new Response('Forbidden', { status: 403 }) : undefined,
  { name: 'guard' },
) as UniversalMiddleware

async function answers(fetch: Fetch, request: Request) {
  const response = await fetch(request)
  if (!response) return { response: null }
  return {
    status: response.status,
    headers: Object.fromEntries(response.headers),
    body: await response.text(),
  }
}

const requests = () => [
  new Request('http://localhost/'),
  new Request('http://localhost/about'),
  new Request('http://localhost/users/42'),
  new Request('http://localhost/private'),
  new Request('http://localhost/nowhere'),
  new Request('http://localhost/nowhere', { method: 'DELETE' }),
  new Request('http://localhost/about', { method: 'POST' }),
]

describe("vike-photon's srvx router", () => {
  const chains: Record<string, () => (UniversalMiddleware | UniversalHandler)[]> = {
    'middlewares, routes with context and params, no catch-all': () => [
      addUser,
      guard,
      stamp,
      stamper('restamp', 'again'),
      reporter('home', '/'),
      reporter('about', '/about', ['GET', 'HEAD'], { photon: { name: 'about', route: '/about' } }),
      reporter('user', '/users/:id'),
      early,
    ],
    'a catch-all for every method': () => [
      addUser,
      reporter('page', '/about'),
      reporter('catch-all', '/**', ['GET', 'POST', 'DELETE', '']),
    ],
    'no middlewares': () => [reporter('home', '/')],
    'a handler that answers nothing': () => [
      addUser,
      enhance(() => undefined, { name: 'silent', path: '/', method: 'GET' }) as unknown as UniversalHandler,
    ],
  }

  for (const [title, chain] of Object.entries(chains)) {
    it(`answers as @universal-middleware/srvx 0.1.3 does: ${title}`, async () => {
      const ours = applySrvx(chain()) as Fetch
      const upstream = applyUpstream(chain()) as unknown as Fetch
      for (const request of requests()) {
        const settle = (fetch: Fetch) =>
          answers(fetch, request.clone()).catch((error: unknown) => ({ error: (error as Error).message }))
        expect(await settle(ours), `${request.method} ${request.url}`).toEqual(await settle(upstream))
      }
    })
  }

  it('pipes the middlewares into a route, including one applied after it by its order', async () => {
    const fetch = applySrvx([addUser, stamp, reporter('home', '/'), early]) as Fetch
    const response = (await fetch(new Request('http://localhost/')))!
    expect(response.headers.get('x-stamped')).toBe('yes')
    expect(await response.json()).toMatchObject({ name: 'home', context: { user: 'ada', order: ['early'] } })
  })

  it('keeps the universal context on the request, as srvx apps share it', async () => {
    const fetch = applySrvx([addUser, reporter('home', '/')]) as Fetch
    const request = new Request('http://localhost/') as Request & { context?: Record<string, unknown> }
    request.context = { tenant: 'acme' }
    const body = await (await fetch(request))!.json()
    expect(body.context).toEqual({ tenant: 'acme', user: 'ada' })
  })
})
