import { rmSync, writeFileSync } from 'node:fs'
import { connect } from 'node:net'
import { join } from 'node:path'
import { rawRequest } from '@vike-photon/test-kit/raw-http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildFixture, copyFixture, type RunningServer, startServer } from './helpers/fixture.js'

// Requests that a careless client or an attacker sends, on every Node server: each gets an answer (no socket left
// open), none prints a stack trace for client input, and no dotfile is served except under /.well-known/.
// fixtures/hardening has a +middleware that throws for /middleware-throws, and public/.env, public/.hidden/,
// public/.well-known/security.txt; the same app is built with the built-in server, Hono and Express.
const SERVERS = { 'built-in server': null, Hono: 'server/hono.ts', Express: 'server/express.ts' } as const
const state: Record<string, RunningServer> = {}
const roots: Record<string, string> = {}

beforeAll(async () => {
  await Promise.all(
    Object.entries(SERVERS).map(async ([label, server]) => {
      const root = copyFixture('hardening')
      writeFileSync(join(root, 'public/deleted-after-start.bin'), Buffer.alloc(600 * 1024, 'b'))
      const env = server ? { VIKE_CONFIG: JSON.stringify({ photon: { server } }) } : {}
      const build = await buildFixture(root, env)
      if (build.error) throw new Error(`Building hardening (${label}) failed: ${build.error}\n${build.stderr}`)
      roots[label] = root
      state[label] = await startServer(root)
    }),
  )
}, 120_000)
afterAll(() => Promise.all(Object.values(state).map((server) => server.stop())))

/** Sends raw bytes and resolves with what came back before the server closed the socket (or after `ms`). */
function rawExchange(port: number, bytes: string, ms = 5000): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = ''
    const socket = connect(port, '127.0.0.1', () => socket.write(bytes))
    socket.setEncoding('latin1')
    socket.on('data', (chunk) => {
      data += chunk
    })
    socket.on('end', () => resolve(data))
    socket.on('error', reject)
    socket.setTimeout(ms, () => {
      socket.destroy()
      resolve(data)
    })
  })
}

describe.each(Object.keys(SERVERS))('the %s', (label) => {
  const port = () => Number(new URL(state[label]!.url).port)
  const get = (path: string, options?: Parameters<typeof rawRequest>[2]) => rawRequest(port(), path, options)
  const stackLines = () =>
    state[label]!.output()
      .split('\n')
      .filter((line) => /^\s+at /.test(line)).length

  it.each(['TRACE', 'PROPFIND', 'MKCOL', 'COPY', 'LOCK', 'SEARCH', 'PURGE', 'UNLOCK'])(
    'answers %s on a page with 405 and Allow, without a stack trace',
    async (method) => {
      const before = stackLines()
      const res = await get('/about', { method })
      expect(res.status).toBe(405)
      // The app has +middleware: the methods that reach it are allowed too.
      expect(res.headers.allow).toBe('GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS')
      expect(stackLines()).toBe(before)
    },
  )

  it("answers a +middleware that throws with 500 and the app's error page, logs the error, and keeps serving", async () => {
    const res = await get('/middleware-throws')
    expect(res.status).toBe(500)
    expect(res.headers['content-type']).toBe('text/html;charset=utf-8')
    // pages/_error rendered through the app's +onRenderHtml, not a page of vike-photon's own.
    expect(res.body.toString()).toContain('<title>fixture</title>')
    expect(res.body.toString()).toContain('<main><h1>500 Internal Server Error</h1></main>')
    expect(res.body.toString()).not.toContain('throws on purpose')
    expect(res.body.toString()).not.toMatch(/\bat .*\.m?js:\d+/)
    expect(state[label]!.output()).toContain('[vike-photon] A +middleware threw; answering 500 with the error page.')
    expect(state[label]!.output()).toContain('Error: This middleware throws on purpose')
    expect((await get('/about')).status).toBe(200)
    expect((await get('/middleware-throws')).status).toBe(500)
  })

  // Skipped for the built-in server: it has no server entry, so no middleware of its own that could throw.
  it.skipIf(label === 'built-in server')(
    'answers a throwing middleware of the server entry with 500, without the error',
    async () => {
      const res = await get('/server-middleware-throws')
      expect(res.status).toBe(500)
      expect(res.body.toString()).not.toContain('throws on purpose')
      expect(res.body.toString()).not.toMatch(/\bat .*:\d+/)
      expect((await get('/about')).status).toBe(200)
    },
  )

  it('answers DELETE on a page that no +middleware answers with 405 and Allow, without a stack trace', async () => {
    const before = stackLines()
    const res = await get('/about', { method: 'DELETE' })
    expect(res.status).toBe(405)
    expect(res.headers.allow).toBe('GET, HEAD, POST, PUT, PATCH, OPTIONS')
    expect(stackLines()).toBe(before)
    // A DELETE that a +middleware answers still reaches it.
    const echo = await get('/echo', { method: 'DELETE', headers: { 'x-echo': 'seen' } })
    expect(echo.status).toBe(200)
    expect(echo.body.toString()).toBe('DELETE seen ')
  })

  it('hands a POST to +middleware with its method, headers and body', async () => {
    const res = await get('/echo', { method: 'POST', headers: { 'x-echo': 'header seen' }, body: 'a=1&b=two' })
    expect(res.status).toBe(200)
    expect(res.body.toString()).toBe('POST header seen a=1&b=two')
  })

  // RFC 9110 (9.3.2, 8.6): HEAD carries the header fields GET would, and a Content-Length only when it equals the
  // length GET sends. A streamed page's GET has none (chunked), so neither has its HEAD; a page rendered to a
  // string has one on both (build.test.ts).
  it('answers HEAD on a streamed page like GET: same headers, no Content-Length, no body', async () => {
    const [head, getResponse] = await Promise.all([get('/streamed', { method: 'HEAD' }), get('/streamed')])
    expect(getResponse.status).toBe(200)
    expect(getResponse.body.toString()).toContain('<h1>Streamed</h1><p>second chunk</p>')
    expect(getResponse.headers['content-length']).toBeUndefined()
    expect(head.status).toBe(200)
    expect(head.headers['content-type']).toBe(getResponse.headers['content-type'])
    expect(head.headers['content-length']).toBeUndefined()
    expect(head.body.length).toBe(0)
  })

  it('answers OPTIONS * with 204, without a stack trace', async () => {
    const before = stackLines()
    const res = await get('*', { method: 'OPTIONS' })
    expect(res.status).toBe(204)
    expect(stackLines()).toBe(before)
  })

  it('answers CONNECT with 405 instead of closing the socket', async () => {
    const reply = await rawExchange(port(), 'CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n')
    expect(reply).toMatch(/^HTTP\/1\.1 405 Method Not Allowed\r\n/)
  })

  // Raw sockets: Node's and fetch's clients would normalize these request targets before sending them.
  it.each(['/./robots.txt', '/assets/../robots.txt', 'http://127.0.0.1/robots.txt'])(
    'serves the static file for the request target %s, as pages are served in that form',
    async (target) => {
      const reply = await rawExchange(port(), `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`)
      expect(reply).toMatch(/^HTTP\/1\.1 200 OK\r\n/)
      expect(reply.endsWith('\r\n\r\nUser-agent: *\n')).toBe(true)
    },
  )

  it('answers 404 for a static file deleted after start-up, instead of closing the connection', async () => {
    // Above the in-memory cache limit (512 kB): read from disk on each request.
    rmSync(join(roots[label]!, 'dist/client/deleted-after-start.bin'))
    const reply = await rawExchange(
      port(),
      'GET /deleted-after-start.bin HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n',
    )
    expect(reply).toMatch(/^HTTP\/1\.1 404 Not Found\r\n/)
    expect((await get('/robots.txt')).status).toBe(200)
  })

  it.each(['/.env', '/.hidden/secret.txt', '/.vite/manifest.json', '/.well-known/.secret', '/%2eenv'])(
    'never serves the dotfile %s',
    async (path) => {
      const res = await get(path)
      expect(res.status).toBe(404)
      expect(res.body.toString()).not.toContain('SECRET')
      expect(res.body.toString()).not.toContain('"isEntry"')
    },
  )

  it('serves /.well-known/ (security.txt, ACME challenges)', async () => {
    const res = await get('/.well-known/security.txt')
    expect(res.status).toBe(200)
    expect(res.headers['content-type']).toBe('text/plain; charset=utf-8')
    expect(res.body.toString()).toBe('Contact: mailto:security@example.com\n')
  })
})

describe('graceful shutdown (SIGTERM) of dist/server/index.mjs', () => {
  const exited = (server: RunningServer) =>
    new Promise<{ code: number | null; at: number }>((resolve) => {
      if (server.process.exitCode !== null) resolve({ code: server.process.exitCode, at: Date.now() })
      server.process.once('exit', (code) => resolve({ code, at: Date.now() }))
    })
  const start = (env: NodeJS.ProcessEnv = {}) => startServer(roots['built-in server']!, env)
  const portOf = (server: RunningServer) => Number(new URL(server.url).port)

  it('finishes the request in flight, refuses new connections, then exits 0', async () => {
    const server = await start()
    const slow = rawRequest(portOf(server), '/slow?ms=1500')
    await new Promise((resolve) => setTimeout(resolve, 300))
    const exit = exited(server)
    server.process.kill('SIGTERM')
    await new Promise((resolve) => setTimeout(resolve, 200))
    await expect(rawRequest(portOf(server), '/about')).rejects.toThrow(/ECONNREFUSED/)
    const res = await slow
    expect(res.status).toBe(200)
    expect(res.body.toString()).toBe('slow response done')
    expect((await exit).code).toBe(0)
    expect(server.output()).toContain(
      '[vike-photon] SIGTERM: finishing the requests in flight (up to 10 s), then exiting.',
    )
  })

  it('exits 0 after SHUTDOWN_TIMEOUT seconds when a request is still in flight', async () => {
    const server = await start({ SHUTDOWN_TIMEOUT: '1' })
    const slow = rawRequest(portOf(server), '/slow?ms=10000').catch((error: Error) => error)
    await new Promise((resolve) => setTimeout(resolve, 300))
    const exit = exited(server)
    const signalled = Date.now()
    server.process.kill('SIGTERM')
    const { code, at } = await exit
    expect(code).toBe(0)
    expect(at - signalled).toBeGreaterThanOrEqual(900)
    expect(at - signalled).toBeLessThan(5000)
    expect(await slow).toBeInstanceOf(Error)
    expect(server.output()).toContain('[vike-photon] Requests still in flight after 1 s: closing them and exiting.')
  })

  it('exits at once on a second signal', async () => {
    const server = await start()
    const slow = rawRequest(portOf(server), '/slow?ms=10000').catch((error: Error) => error)
    await new Promise((resolve) => setTimeout(resolve, 300))
    const exit = exited(server)
    server.process.kill('SIGTERM')
    await new Promise((resolve) => setTimeout(resolve, 200))
    const signalled = Date.now()
    server.process.kill('SIGTERM')
    const { code, at } = await exit
    expect(code).toBe(1)
    expect(at - signalled).toBeLessThan(2000)
    expect(await slow).toBeInstanceOf(Error)
    expect(server.output()).toContain('[vike-photon] SIGTERM again: exiting now.')
  })
})
