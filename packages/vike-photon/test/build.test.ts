import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { type RawResponse, rawRequest } from '@vike-photon/test-kit/raw-http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildFixture, copyFixture, type RunningServer, startServer } from './helpers/fixture.js'

// Real Vike builds of working apps, served by `node dist/server/index.mjs`: the built-in server (no server
// file) and Hono. One shared suite checks what every server answers; each app is built once.
const APPS = {
  'built-in server': '_app',
  Hono: 'hono-server',
  Express: 'express-server',
} as const

const state: Record<string, { root: string; server: RunningServer }> = {}
const BUILDS = [
  ...Object.entries(APPS).map(([label, fixture]) => ({ label, fixture, env: {} })),
  { label: 'NODE_ENV=test', fixture: '_app', env: { NODE_ENV: 'test' } },
  { label: 'static and compress off', fixture: 'static-and-compress-off', env: {} },
  { label: 'default middleware replaced', fixture: 'replace-default-middleware', env: {} },
  { label: 'serveStatic in the chain', fixture: 'serve-static-in-chain', env: {} },
]

beforeAll(async () => {
  await Promise.all(
    BUILDS.map(async ({ label, fixture, env }) => {
      const root = copyFixture(fixture)
      const build = await buildFixture(root, env)
      if (build.error) throw new Error(`Building ${fixture} failed: ${build.error}\n${build.stderr}`)
      state[label] = { root, server: await startServer(root) }
    }),
  )
}, 120_000)
afterAll(() => Promise.all(Object.values(state).map(({ server }) => server.stop())))

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split('\\').join('/'))
}

describe.each(Object.keys(APPS))('a production build with the %s', (label) => {
  const root = () => state[label]!.root
  const get = (path: string, options?: Parameters<typeof rawRequest>[2]): Promise<RawResponse> =>
    rawRequest(Number(new URL(state[label]!.server.url).port), path, options)

  describe('build output', () => {
    it('writes dist/server/index.mjs', () => {
      expect(existsSync(join(root(), 'dist/server/index.mjs'))).toBe(true)
    })

    it('writes .br and .gz next to client assets, that decompress to the asset', () => {
      const client = join(root(), 'dist/client')
      const scripts = listFiles(client).filter((file) => /^assets\/.*\.js$/.test(file))
      expect(scripts.length).toBeGreaterThan(0)
      const precompressed = scripts.filter((file) => existsSync(join(client, `${file}.br`)))
      expect(precompressed.length).toBeGreaterThan(0)
      for (const file of precompressed) {
        const original = readFileSync(join(client, file))
        expect(brotliDecompressSync(readFileSync(join(client, `${file}.br`))).equals(original)).toBe(true)
        expect(gunzipSync(readFileSync(join(client, `${file}.gz`))).equals(original)).toBe(true)
      }
    })

    it('precompresses nothing that is never served (dot-folders such as .vite/)', () => {
      const hidden = listFiles(join(root(), 'dist/client')).filter((file) => /(^|\/)\./.test(file))
      expect(hidden.filter((file) => /\.(br|gz)$/.test(file))).toEqual([])
    })

    it('leaves the +middleware error hook out of an app without +middleware (Vike ran it for every page)', () => {
      const entries = join(root(), 'dist/server/entries')
      const pages = readdirSync(entries).filter((file) => file.startsWith('pages_'))
      expect(pages.length).toBeGreaterThan(0)
      for (const page of pages) {
        // Vike's page config of the setting, whose value is the hook: `null` is a hook Vike skips.
        const setting = /\["onCreatePageContext"\]: \{[\s\S]*?value: (\w+)/.exec(
          readFileSync(join(entries, page), 'utf8'),
        )
        expect(setting?.[1], page).toBe('null')
      }
    })

    it('hands Vike no request for +middleware in an app without one (Vike copies it into every pageContext fork)', () => {
      // The Node launcher's runtime settings (plugin/virtual-modules-plugin.ts), read by render.ts.
      const server = readFileSync(join(root(), 'dist/server/index.mjs'), 'utf8')
      expect(server).toMatch(/"appMiddleware": false/)
    })
  })

  describe('pages', () => {
    it('renders a page', async () => {
      const res = await get('/about')
      expect(res.status).toBe(200)
      expect(res.headers['content-type']).toMatch(/^text\/html/)
      expect(res.body.toString()).toContain('<h1>About</h1>')
    })

    it('compresses pages on the fly', async () => {
      const res = await get('/', { headers: { 'accept-encoding': 'gzip' } })
      expect(res.status).toBe(200)
      expect(res.headers['content-encoding']).toBe('gzip')
      expect(gunzipSync(res.body).toString()).toContain('<h1>Home</h1>')
    })

    it('answers HEAD like GET, without a body', async () => {
      for (const path of ['/', '/about']) {
        const [head, getResponse] = await Promise.all([get(path, { method: 'HEAD' }), get(path)])
        expect(head.status).toBe(200)
        expect(head.headers['content-type']).toBe(getResponse.headers['content-type'])
        // The length GET sends (Hono and Express sent none).
        expect(head.headers['content-length']).toBe(String(getResponse.body.length))
        expect(head.body.length).toBe(0)
      }
    })

    it('answers other methods on a page with 405 and Allow', async () => {
      for (const method of ['POST', 'PUT', 'DELETE', 'TRACE', 'PROPFIND', 'MKCOL']) {
        const res = await get('/about', { method })
        expect(res.status).toBe(405)
        expect(res.headers.allow).toBe('GET, HEAD')
      }
    })

    it('answers an unknown URL with 404 and the error page', async () => {
      const res = await get('/this/does/not/exist')
      expect(res.status).toBe(404)
      expect(res.body.toString()).toContain('404 Page Not Found')
    })

    it('answers a page that throws with 500 and the error page, and keeps serving', async () => {
      const res = await get('/crash')
      expect(res.status).toBe(500)
      expect(res.body.toString()).toContain('500 Internal Server Error')
      expect((await get('/about')).status).toBe(200)
    })
  })

  describe('bad requests', () => {
    it('answers a malformed URL with 400', async () => {
      for (const path of ['/%E0%A4%A', '/assets/%E0%A4%A.js', '/about%']) {
        const res = await get(path)
        expect(res.status).toBe(400)
      }
    })

    it('answers a header larger than 16 KB with 431 and keeps serving', async () => {
      const res = await get('/', { headers: { 'x-huge': 'a'.repeat(20 * 1024) } })
      expect(res.status).toBe(431)
      expect((await get('/')).status).toBe(200)
    })
  })

  describe('static files', () => {
    it('serves public files, revalidated', async () => {
      const res = await get('/robots.txt')
      expect(res.status).toBe(200)
      expect(res.headers['content-type']).toBe('text/plain; charset=utf-8')
      expect(res.headers['cache-control']).toBe('public, max-age=0, must-revalidate')
      expect(res.body.toString()).toBe('User-agent: *\n')
      expect((await get('/robots.txt', { headers: { 'if-none-match': res.headers.etag as string } })).status).toBe(304)
    })

    it('serves hashed assets with immutable caching, precompressed', async () => {
      const client = join(root(), 'dist/client')
      const asset = listFiles(client).find(
        (file) => /^assets\/.*\.js$/.test(file) && existsSync(join(client, `${file}.br`)),
      )!
      const res = await get(`/${asset}`, { headers: { 'accept-encoding': 'gzip, deflate, br' } })
      expect(res.status).toBe(200)
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable')
      expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8')
      expect(res.headers['content-encoding']).toBe('br')
      expect(brotliDecompressSync(res.body).equals(readFileSync(join(client, asset)))).toBe(true)
    })

    it.each([
      '/server/index.mjs',
      '/../server/index.mjs',
      '/%2e%2e/server/index.mjs',
      '/..%2fserver%2findex.mjs',
      '/..\\server\\index.mjs',
      '/assets/..%2f..%2fserver/package.json',
      '/../../package.json',
      '/.vite/manifest.json',
      '/../assets.json',
    ])('never serves anything outside the client build: %s', async (path) => {
      const res = await get(path)
      expect([400, 404]).toContain(res.status)
      expect(res.body.toString()).not.toMatch(/import |"type"|"imports"|"dependencies"/)
    })
  })
})

describe('a build made with NODE_ENV=test', () => {
  // Vike must still be told "production": a POST as the server's very first request used to break Vike's global
  // context for good (every page answered 500 after it).
  it('answers a POST as its first request with 405, and pages after it', async () => {
    const port = Number(new URL(state['NODE_ENV=test']!.server.url).port)
    const post = await rawRequest(port, '/about', { method: 'POST' })
    expect(post.status).toBe(405)
    expect(post.headers.allow).toBe('GET, HEAD')
    const page = await rawRequest(port, '/about')
    expect(page.status).toBe(200)
    expect(page.body.toString()).toContain('<h1>About</h1>')
  })
})

describe.each(['Hono', 'Express'])('the %s server entry', (label) => {
  it("bundles Photon's apply() and errors without a terminal colour library (photon-runtime-plugin.ts)", () => {
    const server = readFileSync(join(state[label]!.root, 'dist/server/index.mjs'), 'utf8')
    expect(server).toMatch(/runtime\/photon-apply\.js/)
    expect(server).not.toMatch(/ansis/)
  })

  it("serves the app's own routes beside the pages", async () => {
    const res = await rawRequest(Number(new URL(state[label]!.server.url).port), '/api/hello')
    expect(res.status).toBe(200)
    expect(JSON.parse(res.body.toString())).toEqual({ hello: `from ${label}` })
  })
})

describe('the Hono server entry, for a browser', () => {
  const get = (path: string) =>
    rawRequest(Number(new URL(state.Hono!.server.url).port), path, {
      headers: { 'accept-encoding': 'gzip, deflate, br, zstd' },
    })

  it('compresses the pages and the endpoints, and leaves small responses as they are', async () => {
    // A page rendered to a string under 16 KB: gzip, which a browser accepts as much as brotli, at half its CPU
    // time (compress.ts). The endpoint's body comes as a stream, of unknown length: brotli.
    const page = await get('/')
    expect(page.headers['content-encoding']).toBe('gzip')
    expect(page.headers.vary).toMatch(/accept-encoding/i)
    expect(gunzipSync(page.body).toString()).toContain('<h1>Home</h1>')
    const items = await get('/endpoints/items')
    expect(items.headers['content-encoding']).toBe('br')
    expect(JSON.parse(brotliDecompressSync(items.body).toString())).toHaveLength(100)
    const hello = await get('/api/hello')
    expect(hello.headers['content-encoding']).toBeUndefined()
    expect(JSON.parse(hello.body.toString())).toEqual({ hello: 'from Hono' })
  })
})

describe('photon: { static: false, compress: false }', () => {
  const get = (path: string, headers = {}) =>
    rawRequest(Number(new URL(state['static and compress off']!.server.url).port), path, { headers })

  it('writes no precompressed files', () => {
    const files = listFiles(join(state['static and compress off']!.root, 'dist/client'))
    expect(files.some((file) => file.startsWith('assets/'))).toBe(true)
    expect(files.filter((file) => /\.(br|gz)$/.test(file))).toEqual([])
  })

  it('leaves static files alone and does not compress pages', async () => {
    const robots = await get('/robots.txt')
    expect(robots.status).toBe(404)
    expect(robots.body.toString()).toContain('404 Page Not Found')
    const page = await get('/', { 'accept-encoding': 'gzip, br' })
    expect(page.status).toBe(200)
    expect(page.headers['content-encoding']).toBeUndefined()
    expect(page.body.toString()).toContain('<h1>Home</h1>')
  })
})

describe('a default middleware replaced by name', () => {
  const get = (path: string, headers: Record<string, string> = {}) =>
    rawRequest(Number(new URL(state['default middleware replaced']!.server.url).port), path, { headers })

  it("runs the app's middleware instead of vike-photon's compression", async () => {
    const page = await get('/', { 'accept-encoding': 'gzip, br' })
    expect(page.status).toBe(200)
    expect(page.headers['x-compression']).toBe('replaced')
    expect(page.headers['content-encoding']).toBeUndefined()
    expect(page.body.toString()).toContain('<h1>Home</h1>')
  })
})

describe('serveStatic() and getMiddlewares() in the app chain (photon.static: false)', () => {
  const get = (path: string, headers: Record<string, string> = {}) =>
    rawRequest(Number(new URL(state['serveStatic in the chain']!.server.url).port), path, { headers })

  it("serves static files after the app's own middleware", async () => {
    const robots = await get('/robots.txt')
    expect(robots.status).toBe(200)
    expect(robots.headers['cache-control']).toBe('public, max-age=0, must-revalidate')
    expect(robots.headers['x-seen-by-app']).toBe('yes')
  })

  it('still never serves a file from outside the client build', async () => {
    for (const path of ['/../server/index.mjs', '/%2e%2e/server/index.mjs', '/..%2fserver%2findex.mjs']) {
      const res = await get(path)
      expect(res.status, path).toBe(404)
      expect(res.body.toString(), path).not.toContain('import')
    }
  })

  it("adds getMiddlewares()' pageContext to every page", async () => {
    const page = await get('/greeting')
    expect(page.status).toBe(200)
    expect(page.body.toString()).toContain('<h1>from getMiddlewares</h1>')
  })
})
