import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { brotliCompressSync, gzipSync } from 'node:zlib'
import { listen } from '@vike-photon/test-kit/ports'
import { type RawResponse, rawRequest } from '@vike-photon/test-kit/raw-http'
import { lookup } from 'mrmime'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { contentTypesOf } from '../src/plugin/content-types.js'
import { staticMiddleware } from '../src/runtime/static/middleware.js'
import { sendStaticFile } from '../src/runtime/static/serve-node.js'
import { pickVariant, StaticFiles } from '../src/runtime/static/static-files.js'

// A client build in <tmp>/client, with secrets beside it (<tmp>/secret.txt, <tmp>/server/index.mjs) that must
// never be reachable, whatever the URL.
const tmp = mkdtempSync(join(tmpdir(), 'vike-photon-static-'))
const clientDir = join(tmp, 'client')
let files: StaticFiles
const APP_JS = `console.log(${JSON.stringify('x'.repeat(4000))})\n`
const BIG = Buffer.alloc(600 * 1024, 'b') // above the in-memory cache limit: streamed from disk

function write(path: string, content: string | Buffer) {
  mkdirSync(dirname(path), { recursive: true })
  writeFileSync(path, content)
}

beforeAll(() => {
  write(join(tmp, 'secret.txt'), 'SECRET outside the client build')
  write(join(tmp, 'server/index.mjs'), 'SECRET server build')
  write(join(clientDir, 'assets/app.abc123.js'), APP_JS)
  write(join(clientDir, 'assets/app.abc123.js.br'), brotliCompressSync(APP_JS))
  write(join(clientDir, 'assets/app.abc123.js.gz'), gzipSync(APP_JS))
  write(join(clientDir, 'assets/only-gzip.js'), APP_JS)
  write(join(clientDir, 'assets/only-gzip.js.gz'), gzipSync(APP_JS))
  write(join(clientDir, 'assets/big.bin'), BIG)
  write(join(clientDir, 'assets/deleted-node.bin'), BIG) // deleted after start-up by a test
  write(join(clientDir, 'assets/deleted-universal.bin'), BIG)
  write(join(clientDir, 'about/index.html'), '<h1>About (index.html)</h1>')
  write(join(clientDir, 'contact.html'), '<h1>Contact</h1>')
  write(join(clientDir, 'index.html'), '<h1>Home</h1>')
  write(join(clientDir, 'robots.txt'), 'User-agent: *')
  write(join(clientDir, 'hello world.txt'), 'hello')
  write(join(clientDir, 'download.gz'), gzipSync('a real .gz file, not a variant'))
  write(join(clientDir, '.vite/manifest.json'), '{"SECRET":"manifest"}')
  write(join(clientDir, '.env'), 'SECRET=1')
  write(join(clientDir, 'assets/.hidden/secret.txt'), 'SECRET dot folder')
  files = StaticFiles.load(clientDir, { cacheControl: 'public, max-age=0, must-revalidate', contentType: lookup })
})
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

// Paths that try to leave the client build or reach hidden files. None may ever answer with a file.
const ATTACKS = [
  '/../secret.txt',
  '/assets/../../secret.txt',
  '/%2e%2e/secret.txt',
  '/%2E%2E/%2E%2E/secret.txt',
  '/assets/%2e%2e/%2e%2e/secret.txt',
  '/..%2fsecret.txt',
  '/assets%2f..%2f..%2fsecret.txt',
  '/%2e%2e%2fserver%2findex.mjs',
  '/..\\secret.txt',
  '/assets\\..\\..\\secret.txt',
  '/%5c..%5csecret.txt',
  '/%252e%252e/secret.txt',
  '/%25252e%25252e%25252fsecret.txt',
  '//secret.txt',
  `/${join(tmp, 'secret.txt')}`,
  `/${encodeURIComponent(join(tmp, 'secret.txt'))}`,
  '/../server/index.mjs',
  '/server/index.mjs',
  '/robots.txt%00',
  '/robots.txt%00.html',
  '/%00../secret.txt',
  '/.env',
  '/.vite/manifest.json',
  '/%2evite/manifest.json',
  '/assets/.hidden/secret.txt',
  '/assets/app.abc123.js.br',
  '/assets/app.abc123.js.gz',
]

describe('StaticFiles', () => {
  it('indexes every file of the client build except dotfiles, dot-folders and precompressed variants', () => {
    // app.js, only-gzip.js, big.bin, deleted-*.bin, about/index.html, contact.html, index.html, robots.txt,
    // hello world.txt, download.gz
    expect(files.size).toBe(11)
  })

  it.each(ATTACKS)('never finds anything for %s', (path) => {
    expect(files.find(path)).toBeUndefined()
  })

  it('finds pages by their URL: /about → about/index.html, /contact → contact.html, / → index.html', () => {
    expect(files.find('/about')?.file).toBe(join(clientDir, 'about/index.html'))
    expect(files.find('/about/')?.file).toBe(join(clientDir, 'about/index.html'))
    expect(files.find('/contact')?.file).toBe(join(clientDir, 'contact.html'))
    expect(files.find('/')?.file).toBe(join(clientDir, 'index.html'))
    expect(files.find('/hello%20world.txt')?.file).toBe(join(clientDir, 'hello world.txt'))
    expect(files.find('/download.gz')?.file).toBe(join(clientDir, 'download.gz'))
  })

  it('gives hashed /assets/ files immutable caching and everything else revalidation', () => {
    expect(files.find('/assets/app.abc123.js')?.headers).toMatchObject({
      'Cache-Control': 'public, max-age=31536000, immutable',
      'Content-Type': 'text/javascript; charset=utf-8',
      Vary: 'Accept-Encoding',
    })
    expect(files.find('/robots.txt')?.headers).toMatchObject({
      'Cache-Control': 'public, max-age=0, must-revalidate',
      'Content-Type': 'text/plain; charset=utf-8',
    })
    expect(files.find('/robots.txt')?.headers.Vary).toBeUndefined()
  })

  it('uses the configured Cache-Control outside /assets/', () => {
    const custom = StaticFiles.load(clientDir, { cacheControl: 'no-cache', contentType: lookup })
    expect(custom.find('/robots.txt')?.headers['Cache-Control']).toBe('no-cache')
    expect(custom.find('/assets/app.abc123.js')?.headers['Cache-Control']).toBe('public, max-age=31536000, immutable')
  })

  it('finds nothing when the client build does not exist', () => {
    expect(StaticFiles.load(join(tmp, 'nope'), { cacheControl: 'no-cache', contentType: lookup }).size).toBe(0)
  })

  it("knows, from the build's table, the types of the client build's extensions and the common web types", () => {
    const dir = join(tmp, 'types')
    write(join(dir, 'model.GLB'), 'glTF')
    write(join(dir, 'fonts/a.woff2'), 'wOF2')
    const types = contentTypesOf(dir)
    expect(types).toMatchObject({
      glb: 'model/gltf-binary',
      woff2: 'font/woff2',
      html: 'text/html',
      js: 'text/javascript',
    })
    expect(types).not.toHaveProperty('png')
    expect(contentTypesOf(join(tmp, 'nope'))).not.toHaveProperty('glb')
  })

  it('reads the same table whether or not the precompressed variants are there', () => {
    const dir = join(tmp, 'types-variants')
    write(join(dir, 'assets/app.js'), APP_JS)
    const before = contentTypesOf(dir)
    write(join(dir, 'assets/app.js.gz'), gzipSync(APP_JS))
    write(join(dir, 'assets/app.js.br'), brotliCompressSync(APP_JS))
    expect(contentTypesOf(dir)).toEqual(before)
    // A .gz of the user's own (no original beside it) is a file to serve, with its type.
    write(join(dir, 'downloads/data.csv.gz'), gzipSync('a,b'))
    expect(contentTypesOf(dir)).toMatchObject({ gz: 'application/gzip' })
  })
})

describe('pickVariant', () => {
  const encodingFor = (path: string, acceptEncoding: string | null) =>
    pickVariant(files.find(path)!, acceptEncoding)?.encoding ?? null

  it.each([
    ['gzip, deflate, br', 'br'],
    ['br', 'br'],
    ['gzip', 'gzip'],
    ['br;q=0, gzip', 'gzip'],
    ['br; q=0, gzip', 'gzip'],
    ['gzip, br;q=0', 'gzip'],
    ['br;q=0.0, gzip;q=0.5', 'gzip'],
    ['br;q=0.5, gzip', 'gzip'],
    ['br;q=0.5, gzip;q=1', 'gzip'],
    ['gzip;q=0.8, br;q=0.8', 'br'],
    ['gzip;q=0.2, *;q=0.3', 'br'],
    ['br;q=1.0, gzip;q=0.9', 'br'],
    ['br;q=0, gzip;q=0', null],
    ['GZIP, BR', 'br'],
    ['Br;Q=0, gzip', 'gzip'],
    ['*', 'br'],
    ['*;q=0', null],
    ['br;q=0, *', 'gzip'],
    ['x-gzip', 'gzip'],
    ['gzip;q=0, x-brotli', null],
    ['identity', null],
    ['deflate', null],
    ['', null],
    [null, null],
  ])('Accept-Encoding %j → %j', (acceptEncoding, expected) => {
    expect(encodingFor('/assets/app.abc123.js', acceptEncoding)).toBe(expected)
  })

  it('falls back to gzip when there is no brotli variant, and to the file when there is none', () => {
    expect(encodingFor('/assets/only-gzip.js', 'br, gzip')).toBe('gzip')
    expect(encodingFor('/assets/only-gzip.js', 'br')).toBeNull()
    expect(encodingFor('/robots.txt', 'br, gzip')).toBeNull()
  })
})

/** The behaviour both senders share: the Node one and the universal middleware. */
function describeSender(
  name: string,
  get: (path: string, headers?: Record<string, string>, method?: string) => Promise<RawResponse>,
) {
  describe(name, () => {
    it('serves a file with its content type, length, ETag and cache headers', async () => {
      const res = await get('/robots.txt')
      expect(res.status).toBe(200)
      expect(res.body.toString()).toBe('User-agent: *')
      expect(res.headers['content-type']).toBe('text/plain; charset=utf-8')
      expect(res.headers['content-length']).toBe('13')
      expect(res.headers['cache-control']).toBe('public, max-age=0, must-revalidate')
      expect(res.headers.etag).toMatch(/^W\/"13-\d+"$/)
      expect(res.headers['last-modified']).toBeTruthy()
    })

    it('serves /about from about/index.html', async () => {
      const res = await get('/about')
      expect(res.status).toBe(200)
      expect(res.body.toString()).toBe('<h1>About (index.html)</h1>')
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8')
    })

    it('sends the brotli variant when accepted, gzip when brotli is refused, the file otherwise', async () => {
      const br = await get('/assets/app.abc123.js', { 'accept-encoding': 'gzip, deflate, br' })
      expect(br.headers['content-encoding']).toBe('br')
      expect(br.headers.vary).toBe('Accept-Encoding')
      expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable')
      expect(Number(br.headers['content-length'])).toBe(br.body.length)
      expect(br.body.equals(brotliCompressSync(APP_JS))).toBe(true)

      const gz = await get('/assets/app.abc123.js', { 'accept-encoding': 'gzip, br;q=0' })
      expect(gz.headers['content-encoding']).toBe('gzip')
      expect(gz.body.equals(gzipSync(APP_JS))).toBe(true)

      const plain = await get('/assets/app.abc123.js', { 'accept-encoding': 'identity' })
      expect(plain.headers['content-encoding']).toBeUndefined()
      expect(plain.body.toString()).toBe(APP_JS)
    })

    it('streams files too large to keep in memory', async () => {
      const res = await get('/assets/big.bin')
      expect(res.status).toBe(200)
      expect(res.headers['content-length']).toBe(String(BIG.length))
      expect(res.body.equals(BIG)).toBe(true)
    })

    it('answers If-None-Match with 304 and no body', async () => {
      const { headers } = await get('/robots.txt')
      const etag = headers.etag as string
      // If-None-Match compares weakly: the tag without its W/ (as some proxies send it) matches too.
      for (const ifNoneMatch of [etag, `"other", ${etag}`, `"other",${etag}`, etag.slice(2), '*']) {
        const res = await get('/robots.txt', { 'if-none-match': ifNoneMatch })
        expect(res.status).toBe(304)
        expect(res.body.length).toBe(0)
        expect(res.headers.etag).toBe(etag)
        expect(res.headers['cache-control']).toBe('public, max-age=0, must-revalidate')
      }
      expect((await get('/robots.txt', { 'if-none-match': '"stale"' })).status).toBe(200)
    })

    it('answers If-Modified-Since no earlier than Last-Modified with 304, unless If-None-Match says otherwise', async () => {
      const { headers } = await get('/robots.txt')
      const lastModified = headers['last-modified'] as string
      expect((await get('/robots.txt', { 'if-modified-since': lastModified })).status).toBe(304)
      const later = new Date(Date.parse(lastModified) + 60_000).toUTCString()
      expect((await get('/robots.txt', { 'if-modified-since': later })).status).toBe(304)
      const earlier = new Date(Date.parse(lastModified) - 60_000).toUTCString()
      expect((await get('/robots.txt', { 'if-modified-since': earlier })).status).toBe(200)
      expect((await get('/robots.txt', { 'if-modified-since': 'not a date' })).status).toBe(200)
      const both = await get('/robots.txt', { 'if-modified-since': lastModified, 'if-none-match': '"stale"' })
      expect(both.status).toBe(200)
    })

    it('answers 404 (not a closed connection) for a file deleted since start-up', async () => {
      const path = name.startsWith('send') ? '/assets/deleted-node.bin' : '/assets/deleted-universal.bin'
      rmSync(join(clientDir, path))
      const res = await get(path)
      expect(res.status).toBe(404)
      expect((await get('/robots.txt')).status).toBe(200)
    })

    it('answers HEAD with the headers of GET and no body', async () => {
      const res = await get('/assets/app.abc123.js', { 'accept-encoding': 'br' }, 'HEAD')
      expect(res.status).toBe(200)
      expect(res.body.length).toBe(0)
      expect(res.headers['content-encoding']).toBe('br')
      expect(res.headers['content-length']).toBe(String(brotliCompressSync(APP_JS).length))
    })

    it.each(ATTACKS)('never serves anything for %s', async (path) => {
      const res = await get(path)
      expect(res.status).toBe(404)
      expect(res.body.toString()).not.toContain('SECRET')
    })
  })
}

// The Node sender, as the launcher (runtime/serve-node.ts) uses it: find, then send; 404 stands for "the app".
let server: Server
let port: number
beforeAll(async () => {
  server = createServer((req, res) => {
    const url = req.url ?? '/'
    const file = files.find(url.split('?')[0]!)
    if (file) sendStaticFile(req, res, file)
    else res.writeHead(404).end('not a static file')
  })
  port = await listen(server)
})
afterAll(() => new Promise((resolve) => server.close(resolve)))

describeSender('sendStaticFile (Node)', (path, headers = {}, method = 'GET') =>
  rawRequest(port, path, { headers, method }),
)

describe('sendStaticFile (Node): Range requests', () => {
  const range = (path: string, headers: Record<string, string>) => rawRequest(port, path, { headers })

  it('answers a single range with 206, Content-Range and the bytes, from memory and from disk', async () => {
    for (const path of ['/assets/app.abc123.js', '/assets/big.bin']) {
      const whole = path.endsWith('.js') ? Buffer.from(APP_JS) : BIG
      const res = await range(path, { range: 'bytes=10-19', 'accept-encoding': 'br' })
      expect(res.status, path).toBe(206)
      expect(res.headers['content-range']).toBe(`bytes 10-19/${whole.length}`)
      expect(res.headers['content-length']).toBe('10')
      expect(res.headers['content-encoding']).toBeUndefined()
      expect(res.body.equals(whole.subarray(10, 20))).toBe(true)
    }
  })

  it('answers open-ended and suffix ranges', async () => {
    const tail = await range('/robots.txt', { range: 'bytes=5-' })
    expect(tail.status).toBe(206)
    expect(tail.body.toString()).toBe('agent: *')
    const last = await range('/robots.txt', { range: 'bytes=-3' })
    expect(last.status).toBe(206)
    expect(last.headers['content-range']).toBe('bytes 10-12/13')
    expect(last.body.toString()).toBe(': *')
  })

  it('answers a range past the end with 416 and the size', async () => {
    const res = await range('/robots.txt', { range: 'bytes=100-200' })
    expect(res.status).toBe(416)
    expect(res.headers['content-range']).toBe('bytes */13')
  })

  it('sends the whole file for If-Range that no longer matches, several ranges, or a bad syntax', async () => {
    const cases: Record<string, string>[] = [
      { range: 'bytes=0-3', 'if-range': '"an old etag"' },
      { range: 'bytes=0-3, 5-6' },
      { range: 'lines=1-2' },
    ]
    for (const headers of cases) {
      const res = await range('/robots.txt', headers)
      expect(res.status, JSON.stringify(headers)).toBe(200)
      expect(res.body.toString()).toBe('User-agent: *')
    }
    const { headers } = await range('/robots.txt', {})
    expect(headers['accept-ranges']).toBe('bytes')
    const matching = await range('/robots.txt', { range: 'bytes=0-3', 'if-range': headers.etag as string })
    expect(matching.status).toBe(206)
    expect(matching.body.toString()).toBe('User')
  })
})

describe('sendStaticFile (Node): request targets as pages see them', () => {
  it.each(['/./robots.txt', '/assets/../robots.txt', '/assets/./../robots.txt', 'http://localhost/robots.txt'])(
    'serves %s as /robots.txt',
    async (target) => {
      const res = await rawRequest(port, target)
      expect(res.status).toBe(200)
      expect(res.body.toString()).toBe('User-agent: *')
    },
  )

  it.each(['/assets/../../secret.txt', 'http://localhost/../secret.txt', 'http://localhost/%2e%2e/secret.txt'])(
    'never leaves the client build for %s',
    async (target) => {
      const res = await rawRequest(port, target)
      expect(res.status).toBe(404)
      expect(res.body.toString()).not.toContain('SECRET')
    },
  )
})

// The universal middleware, called as a server framework would. `Request` normalizes some paths (`..`,
// backslashes) before the middleware sees them; the rest reach it as sent.
const middleware = staticMiddleware(() => files)
describeSender('staticMiddleware (universal)', async (path, headers = {}, method = 'GET') => {
  const request = new Request(`http://localhost${path}`, { headers, method })
  const response = (await middleware(request)) as Response | undefined
  if (!response) return { status: 404, headers: {}, body: Buffer.alloc(0), text: '' }
  const body = Buffer.from(await response.arrayBuffer())
  return { status: response.status, headers: Object.fromEntries(response.headers), body, text: body.toString() }
})

describe('staticMiddleware (universal)', () => {
  it('leaves other methods and unknown files to the next handler', async () => {
    expect(await middleware(new Request('http://localhost/robots.txt', { method: 'POST' }))).toBe(undefined)
    expect(await middleware(new Request('http://localhost/nope.txt'))).toBe(undefined)
    expect(await staticMiddleware(() => null)(new Request('http://localhost/robots.txt'))).toBe(undefined)
  })
})
