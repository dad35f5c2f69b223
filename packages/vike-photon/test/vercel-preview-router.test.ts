import { describe, expect, it } from 'vitest'
import {
  groupRoutes,
  type OutputEntry,
  type RouteResult,
  routeRequest,
  type VercelRoute,
} from '../src/targets/vercel/preview/router.js'

// The routing of `vike preview` with the Vercel target, against the Build Output API v3 (config.json `routes`):
// phases split by `handle`, the filesystem between them, `check`, `continue`, redirects, `has`/`missing`, `methods`.

const files = new Set(['/assets/app.js', '/static/index.html', '/404.html', '/about.html'])
const functions = new Set(['_vike/server', '_vike/pages/isr', 'api/hello'])

function lookup(path: string): OutputEntry | null {
  if (files.has(path)) return { type: 'static', file: `static${path}` }
  if (files.has(`${path.replace(/\/$/, '')}/index.html`)) return { type: 'static', file: `static${path}/index.html` }
  const name = path.replace(/^\/+|\/+$/g, '')
  return functions.has(name) ? { type: 'function', name } : null
}

function route(routes: VercelRoute[], url: string, init: { method?: string; headers?: HeadersInit } = {}) {
  const { pathname, searchParams } = new URL(url, 'http://localhost')
  return routeRequest(
    { method: init.method ?? 'GET', pathname, query: searchParams, headers: new Headers(init.headers) },
    groupRoutes(routes),
    lookup,
  )
}

/** What answered, in one short string: `static:<file>`, `function:<name>?<query>`, `redirect:<status> <location>`. */
function answer(result: RouteResult): string {
  switch (result.type) {
    case 'redirect':
      return `redirect:${result.status} ${result.location}`
    case 'external':
      return `external:${result.url}`
    case 'not-found':
      return `not-found:${result.status}`
    case 'static':
      return `static:${(result.entry as { file: string }).file}${result.status ? ` ${result.status}` : ''}`
    case 'function': {
      const query = result.query.size > 0 ? `?${result.query}` : ''
      return `function:${(result.entry as { name: string }).name}${query}${result.status ? ` ${result.status}` : ''}`
    }
  }
}

/** The routes Photon's Vercel adapter writes for an app with an ISR page, an endpoint and the server function. */
const photonRoutes: VercelRoute[] = [
  { src: '^/about$', headers: { 'x-frame-options': 'DENY' }, continue: true },
  { src: '^/(?:(.+)/)?index(?:\\.html)?/?$', headers: { Location: '/$1' }, status: 308 },
  { handle: 'filesystem' },
  { src: '^(/isr(?:/index\\.pageContext\\.json)?)$', dest: '/_vike/pages/isr?__original_path=$1', check: true },
  { src: '^/api/hello$', dest: '/api/hello', check: true },
  { src: '^/$', dest: '/_vike/server', check: true },
  { src: '^(?:/((?:[^/]+?)(?:/(?:[^/]+?))*))?$', dest: '/_vike/server?_1=$1', check: true },
]

describe('the Vercel preview router (Build Output API v3)', () => {
  it('serves a static file before the routes after `handle: filesystem`', () => {
    expect(answer(route(photonRoutes, '/assets/app.js'))).toBe('static:static/assets/app.js')
    // A folder with an index.html.
    expect(answer(route(photonRoutes, '/static'))).toBe('static:static/static/index.html')
  })

  it('rewrites after the filesystem, merging the query (the request wins on a clash)', () => {
    expect(answer(route(photonRoutes, '/isr?page=2'))).toBe('function:_vike/pages/isr?__original_path=%2Fisr&page=2')
    expect(answer(route(photonRoutes, '/isr/index.pageContext.json'))).toBe(
      'function:_vike/pages/isr?__original_path=%2Fisr%2Findex.pageContext.json',
    )
    expect(answer(route(photonRoutes, '/movies/42?_1=mine'))).toBe('function:_vike/server?_1=mine')
    expect(answer(route(photonRoutes, '/'))).toBe('function:_vike/server')
  })

  it('applies `continue` headers to whatever answers, and keeps routing', () => {
    const result = route(photonRoutes, '/about')
    expect(answer(result)).toBe('function:_vike/server?_1=about')
    expect(result.headers).toEqual({ 'x-frame-options': 'DENY' })
  })

  it('answers a `Location` route with a 3xx status as a redirect, with `$1` substituted', () => {
    expect(answer(route(photonRoutes, '/blog/index.html'))).toBe('redirect:308 /blog')
    expect(answer(route(photonRoutes, '/index'))).toBe('redirect:308 /')
  })

  it('skips a `check` rewrite whose destination is neither a file nor a function', () => {
    const routes: VercelRoute[] = [
      { handle: 'filesystem' },
      { src: '^/docs/(.*)$', dest: '/missing/$1', check: true },
      { src: '^/docs/(.*)$', dest: '/api/hello?topic=$1', check: true },
    ]
    expect(answer(route(routes, '/docs/intro'))).toBe('function:api/hello?topic=intro')
  })

  it('rewrites before the filesystem, and then looks the new path up', () => {
    const routes: VercelRoute[] = [{ src: '^/home$', dest: '/static' }, { handle: 'filesystem' }]
    expect(answer(route(routes, '/home'))).toBe('static:static/static/index.html')
  })

  it('ends a phase at the first matching route without `continue`', () => {
    const routes: VercelRoute[] = [
      { handle: 'filesystem' },
      { src: '^/x$', dest: '/api/hello' },
      { src: '^/.*$', dest: '/_vike/server' },
    ]
    expect(answer(route(routes, '/x'))).toBe('function:api/hello')
  })

  it('matches `src` case-insensitively unless `caseSensitive`', () => {
    expect(answer(route([{ src: '^/API$', dest: '/api/hello' }], '/api'))).toBe('function:api/hello')
    expect(answer(route([{ src: '^/API$', dest: '/api/hello', caseSensitive: true }], '/api'))).toBe('not-found:404')
  })

  it('honours `methods`, `has` and `missing`', () => {
    const routes: VercelRoute[] = [
      { src: '^/form$', methods: ['POST'], dest: '/api/hello' },
      { src: '^/beta$', has: [{ type: 'cookie', key: 'beta', value: 'yes|1' }], dest: '/api/hello' },
      { src: '^/beta$', missing: [{ type: 'header', key: 'x-old' }], dest: '/_vike/server' },
      { src: '^/q$', has: [{ type: 'query', key: 'debug' }], dest: '/api/hello' },
      { src: '^/q$', has: [{ type: 'host', value: 'example\\.com' }], dest: '/_vike/server' },
    ]
    expect(answer(route(routes, '/form', { method: 'POST' }))).toBe('function:api/hello')
    expect(answer(route(routes, '/form'))).toBe('not-found:404')
    expect(answer(route(routes, '/beta', { headers: { cookie: 'a=b; beta=1' } }))).toBe('function:api/hello')
    expect(answer(route(routes, '/beta'))).toBe('function:_vike/server')
    expect(answer(route(routes, '/beta', { headers: { 'x-old': '1' } }))).toBe('not-found:404')
    expect(answer(route(routes, '/q?debug'))).toBe('function:api/hello?debug=')
    expect(answer(route(routes, '/q', { headers: { host: 'example.com:3000' } }))).toBe('function:_vike/server')
  })

  it('runs `miss` routes only when nothing answered, and `hit` routes (headers) only when something did', () => {
    const routes: VercelRoute[] = [
      { handle: 'filesystem' },
      { handle: 'miss' },
      { src: '^/old/(.*)$', dest: '/$1', check: true },
      { handle: 'hit' },
      { src: '^/assets/(.*)$', headers: { 'cache-control': 'public, max-age=31536000, immutable' }, continue: true },
    ]
    expect(answer(route(routes, '/old/api/hello'))).toBe('function:api/hello')
    const asset = route(routes, '/assets/app.js')
    expect(answer(asset)).toBe('static:static/assets/app.js')
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable')
  })

  it('sends a request that nothing answers through the `error` phase with status 404', () => {
    const routes: VercelRoute[] = [
      { handle: 'filesystem' },
      { handle: 'error' },
      { src: '^/(?!api/).*$', dest: '/404.html', status: 404 },
    ]
    expect(answer(route(routes, '/nope'))).toBe('static:static/404.html 404')
    expect(answer(route(routes, '/api/nope'))).toBe('not-found:404')
  })

  it('serves a path with the status a route sets', () => {
    const routes: VercelRoute[] = [{ src: '^/gone$', dest: '/static', status: 410 }]
    expect(answer(route(routes, '/gone'))).toBe('static:static/static/index.html 410')
  })

  it('reports a rewrite to another origin (which the preview does not proxy)', () => {
    const routes: VercelRoute[] = [{ src: '^/docs/(.*)$', dest: 'https://docs.example.com/$1' }]
    expect(answer(route(routes, '/docs/a'))).toBe('external:https://docs.example.com/a')
  })

  it('substitutes named captures', () => {
    const routes: VercelRoute[] = [
      { handle: 'filesystem' },
      { src: '^/u/(?<user>[^/]+)$', dest: '/_vike/server?user=$user', headers: { 'x-user': '$user' } },
    ]
    const result = route(routes, '/u/ada')
    expect(answer(result)).toBe('function:_vike/server?user=ada')
    expect(result.headers).toEqual({ 'x-user': 'ada' })
  })
})
