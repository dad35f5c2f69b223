import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { previewAddress } from '../src/targets/vercel/preview/plugin.js'
import {
  createVercelOutputHandler,
  startVercelOutputServer,
  type VercelOutputServer,
} from '../src/targets/vercel/preview/server.js'

// The Vercel preview serving a hand-written `.vercel/output`: static files, a Node function, an edge function,
// an ISR function with a fallback and a bypass token, a function past its maxDuration. The real build of
// examples/vercel-react is served in e2e/vercel/vercel-output.spec.ts.

let dir: string
let server: VercelOutputServer

function write(path: string, content: string | object) {
  const file = join(dir, path)
  mkdirSync(dirname(file), { recursive: true })
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content))
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vercel-preview-'))
  write('config.json', {
    version: 3,
    routes: [
      { src: '^/assets/(.*)$', headers: { 'cache-control': 'public, max-age=31536000, immutable' }, continue: true },
      { handle: 'filesystem' },
      { src: '^/isr(?:/(.*))?$', dest: '/isr?__original_path=/isr/$1', check: true },
      { src: '^/edge$', dest: '/edge', check: true },
      { src: '^/(?!assets/)(.*)$', dest: '/node', check: true },
    ],
  })
  write('static/assets/app.js', 'console.log(1)')
  write('static/404.html', '<h1>Not here</h1>')
  // A Node function (`(req, res)` with Vercel's helpers) that shows what it was invoked with and its environment.
  write('functions/node.func/.vc-config.json', {
    runtime: 'nodejs20.x',
    handler: 'index.mjs',
    launcherType: 'Nodejs',
    shouldAddHelpers: true,
    environment: { GREETING: 'hello from .vc-config.json' },
  })
  write(
    'functions/node.func/index.mjs',
    `export default (req, res) => {
      if (req.url.startsWith('/slow')) return setTimeout(() => res.end('late'), 5000)
      res.status(201).json({ url: req.url, query: req.query, greeting: process.env.GREETING, vercel: process.env.VERCEL,
        host: req.headers['x-forwarded-host'] })
    }`,
  )
  write('functions/slow.func/.vc-config.json', {
    runtime: 'nodejs20.x',
    handler: 'index.mjs',
    launcherType: 'Nodejs',
    maxDuration: 1,
  })
  write('functions/slow.func/index.mjs', `export default (req, res) => { setTimeout(() => res.end('late'), 5000) }`)
  write('functions/edge.func/.vc-config.json', { runtime: 'edge', entrypoint: 'index.js' })
  write(
    'functions/edge.func/index.js',
    `export default (request) => new Response(typeof EdgeRuntime + ' ' + new URL(request.url).pathname)`,
  )
  // An ISR function that counts its renders.
  write('functions/isr.func/.vc-config.json', { runtime: 'nodejs20.x', handler: 'index.mjs', launcherType: 'Nodejs' })
  write(
    'functions/isr.func/index.mjs',
    `let renders = 0
    export default { fetch: async (request) => {
      await new Promise((resolve) => setTimeout(resolve, 100))
      return new Response('render ' + ++renders + ' ' + new URL(request.url).pathname + new URL(request.url).search + ' '
        + request.headers.get('x-now-route-matches'), { headers: { 'content-type': 'text/plain' } })
    } }`,
  )
  write('functions/isr.prerender-config.json', {
    expiration: 3,
    allowQuery: ['page'],
    bypassToken: 'secret-token-of-32-characters-long',
    fallback: 'isr.prerender-fallback.html',
  })
  write('functions/isr.prerender-fallback.html', 'fallback page')
  server = await startVercelOutputServer(dir, { onError: () => {} })
})

afterAll(async () => {
  await server?.close()
  rmSync(dir, { recursive: true, force: true })
})

const get = (path: string, init?: RequestInit) => fetch(`${server.url}${path}`, { redirect: 'manual', ...init })

describe('the Vercel preview server', () => {
  it('listens on 127.0.0.1 by default', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
  })

  it('serves static files with their content type and the headers routes set', async () => {
    const response = await get('/assets/app.js')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    expect(response.headers.get('x-local-vercel')).toBe('static')
    expect(await response.text()).toBe('console.log(1)')
  })

  it("runs a Node function with Vercel's helpers, its environment and the URL the browser asked for", async () => {
    const response = await get('/movies/42?sort=desc')
    expect(response.status).toBe(201)
    expect(response.headers.get('x-local-vercel')).toBe('function:node')
    expect(await response.json()).toEqual({
      url: '/movies/42?sort=desc',
      query: { sort: 'desc' },
      greeting: 'hello from .vc-config.json',
      vercel: '1',
      host: new URL(server.url).host,
    })
  })

  it('runs an edge function as Request → Response with the EdgeRuntime global', async () => {
    const response = await get('/edge')
    expect(response.headers.get('x-local-vercel')).toBe('function:edge')
    expect(await response.text()).toBe('string /edge')
  })

  it('answers 504 when a function runs past its maxDuration', async () => {
    const response = await get('/slow')
    expect(response.status).toBe(504)
    expect(await response.text()).toMatch(/^FUNCTION_INVOCATION_TIMEOUT/)
  }, 15_000)

  it('caches an ISR function: fallback first, then HIT, STALE after expiration, per allowed query', async () => {
    const first = await get('/isr/a')
    expect(first.headers.get('x-vercel-cache')).toBe('PRERENDER')
    expect(await first.text()).toBe('fallback page')
    // The first render happens in the background; invoked at the function's own path, as on Vercel.
    await expect.poll(async () => (await get('/isr/a')).headers.get('x-vercel-cache'), { timeout: 10_000 }).toBe('HIT')
    // `utm` is not in allowQuery: the same cache entry.
    const hit = await get('/isr/a?utm=x')
    expect(hit.headers.get('x-vercel-cache')).toBe('HIT')
    expect(await hit.text()).toBe('render 1 /isr?__original_path=%2Fisr%2Fa 1=%2Fisr%2Fa')
    // `page` is in allowQuery: its own cache entry.
    expect((await get('/isr/a?page=2')).headers.get('x-vercel-cache')).toBe('PRERENDER')
    await new Promise((resolve) => setTimeout(resolve, 3100))
    const stale = await get('/isr/a')
    expect(stale.headers.get('x-vercel-cache')).toBe('STALE')
  }, 20_000)

  it('revalidates on demand with the bypass token, and skips the cache with the bypass cookie', async () => {
    // A HEAD request renders with GET, so the cached entry has the page's body.
    const head = await get('/isr/b', { method: 'HEAD' })
    expect(head.headers.get('x-vercel-cache')).toBe('PRERENDER')
    await expect.poll(async () => (await get('/isr/b')).headers.get('x-vercel-cache'), { timeout: 10_000 }).toBe('HIT')
    expect(await (await get('/isr/b')).text()).toMatch(/^render \d+ \/isr/)
    const token = 'secret-token-of-32-characters-long'
    const revalidated = await get('/isr/b', { headers: { 'x-prerender-revalidate': token } })
    expect(revalidated.headers.get('x-vercel-cache')).toBe('REVALIDATED')
    expect((await get('/isr/b')).headers.get('x-vercel-cache')).toBe('HIT')
    const bypass = await get('/isr/b', { headers: { cookie: `__prerender_bypass=${token}` } })
    expect(bypass.headers.get('x-vercel-cache')).toBe('BYPASS')
  }, 15_000)

  it("sends Vercel's default Cache-Control for a static file no route gives one", async () => {
    const response = await get('/404.html')
    expect(response.headers.get('cache-control')).toBe('public, max-age=0, must-revalidate')
  })

  it('serves static/404.html with status 404 when nothing answers', async () => {
    const response = await get('/assets/missing.js')
    expect(response.status).toBe(404)
    expect(response.headers.get('x-local-vercel')).toBe('static')
    expect(await response.text()).toBe('<h1>Not here</h1>')
  })
})

describe('a folder that is no Vercel build', () => {
  it('is refused with the command that writes one', () => {
    const empty = mkdtempSync(join(tmpdir(), 'vercel-preview-empty-'))
    try {
      expect(() => createVercelOutputHandler(empty)).toThrow(
        /config\.json is missing: build the app for Vercel first \(`vike build` with @photonjs\/vercel installed\)/,
      )
    } finally {
      rmSync(empty, { recursive: true, force: true })
    }
  })
})

describe('previewAddress (where `vike preview` listens with the Vercel target)', () => {
  it('defaults to 127.0.0.1 and reads HOST and PORT', () => {
    expect(previewAddress({}, {})).toEqual({ host: '127.0.0.1' })
    expect(previewAddress({}, { HOST: '0.0.0.0', PORT: '4000' })).toEqual({ host: '0.0.0.0', port: 4000 })
  })

  it('lets --host and --port (or vite.config) win', () => {
    expect(previewAddress({ host: true, port: 5000 }, { HOST: '0.0.0.0', PORT: '4000' })).toEqual({
      host: true,
      port: 5000,
    })
  })
})
