import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { rawRequest } from '@vike-photon/test-kit/raw-http'
import { appChecks } from './app-checks'
import { exampleDir, type RunningServer, runInExample, startServer } from './server'

// `vike build`, then the build served locally by `vike preview` and by `wrangler dev`, and checked by
// `wrangler deploy --dry-run` (which bundles and validates without an account).
let buildOutput = ''
// A +middleware that throws for one URL and echoes a POST, in this build only (no other build needs it): a thrown
// error answers the app's error page, and a POST reaches the middleware with its body, in workerd.
const MIDDLEWARE = `export default async function e2eMiddleware(request: Request) {
  const url = new URL(request.url)
  if (url.pathname === '/middleware-throws') throw new Error('This middleware throws on purpose')
  if (url.pathname === '/echo') return new Response(\`\${request.method} \${await request.text()}\`)
}
`
const WITH_MIDDLEWARE = 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS'
test.beforeAll(async () => {
  test.setTimeout(180_000)
  const middlewareFile = join(exampleDir, 'pages/+middleware.ts')
  writeFileSync(middlewareFile, MIDDLEWARE)
  try {
    buildOutput = await runInExample('vike', ['build'])
  } finally {
    rmSync(middlewareFile)
  }
  // What a `public/.env` and a `public/.well-known/` become in the build (Vite copies public/ as it is).
  mkdirSync(join(exampleDir, 'dist/client/.well-known'), { recursive: true })
  writeFileSync(join(exampleDir, 'dist/client/.env'), 'SECRET=from public/.env\n')
  writeFileSync(join(exampleDir, 'dist/client/.well-known/security.txt'), 'Contact: mailto:security@example.com\n')
})

test('vike build ends with a summary: the Worker, its size, its config and the next commands', () => {
  const summary = buildOutput.slice(buildOutput.indexOf('[vike-photon] Built for'))
  expect(summary.split('\n').slice(0, 4)).toEqual([
    '[vike-photon] Built for Cloudflare Workers (Hono server).',
    expect.stringMatching(/^ {2}Worker: dist\/server\/index\.mjs \([\d.]+ (kB|MB), [\d.]+ kB gzipped\)$/),
    '  Config: dist/server/wrangler.json',
    '  Next: `vike preview` to try it in workerd, then `wrangler deploy` to deploy it.',
  ])
})

/**
 * Dotfiles are neither served nor uploaded, except /.well-known/; unhandled methods get 405, never a stack; a
 * throwing +middleware gets the error page. `traceAllow`: under `vike preview`, TRACE never reaches workerd (Node
 * cannot hand it over, see trace-plugin.ts) and the plugin's 405 says `GET, HEAD` whatever the app handles.
 */
function hardeningChecks(getUrl: () => string, { traceAllow }: { traceAllow: string }) {
  const port = () => Number(new URL(getUrl()).port)

  test('never serves a dotfile, but serves /.well-known/', async () => {
    for (const path of ['/.env', '/.vite/manifest.json', '/.assetsignore']) {
      const { status, text: body } = await rawRequest(port(), path)
      expect(status, path).toBe(404)
      expect(body, path).not.toContain('SECRET')
    }
    const wellKnown = await rawRequest(port(), '/.well-known/security.txt')
    expect(wellKnown.status).toBe(200)
    expect(wellKnown.text).toContain('Contact: mailto:security@example.com')
  })

  test('answers methods nobody handles with 405 and Allow, without a stack trace', async () => {
    for (const method of ['PROPFIND', 'MKCOL', 'TRACE']) {
      const { status, headers, text: body } = await rawRequest(port(), '/about', { method })
      expect(status, method).toBe(405)
      expect(headers.allow, method).toBe(method === 'TRACE' ? traceAllow : WITH_MIDDLEWARE)
      expect(body, method).not.toMatch(/\bat \S+ \(/)
    }
  })

  test("answers a +middleware that throws with 500 and the app's error page, without the error", async ({
    request,
  }) => {
    const response = await request.get(`${getUrl()}/middleware-throws`)
    expect(response.status()).toBe(500)
    const body = await response.text()
    expect(body).toContain('<title>vike-photon on Cloudflare</title>')
    expect(body).toContain('<h1>500 Internal Server Error</h1>')
    expect(body).not.toContain('throws on purpose')
    expect(body).not.toMatch(/\bat \S+ \(/)
  })

  test('hands a POST to +middleware with its body', async ({ request }) => {
    const response = await request.post(`${getUrl()}/echo`, { data: 'a=1&b=two' })
    expect(await response.text()).toBe('POST a=1&b=two')
  })
}

test.describe('vike preview (workerd)', () => {
  let server: RunningServer
  test.beforeAll(async () => {
    test.setTimeout(120_000)
    server = await startServer('vike', ['preview', '--port', '4177', '--host', '127.0.0.1'], {
      port: 4177,
    })
  })
  test.afterAll(async () => {
    await server?.stop()
  })

  appChecks(() => server.url)
  hardeningChecks(() => server.url, { traceAllow: 'GET, HEAD' })

  test("hashed assets are cached for a year (the build's _headers), other files revalidate", async ({ request }) => {
    const html = await (await request.get(`${server.url}/`)).text()
    const asset = /(?:src|href)="(\/assets\/[^"]+\.js)"/.exec(html)?.[1]
    expect(asset).toBeTruthy()
    const res = await request.get(server.url + asset)
    expect(res.status()).toBe(200)
    expect(res.headers()['cache-control']).toBe('public, max-age=31536000, immutable')
    const robots = await request.get(`${server.url}/robots.txt`)
    expect(robots.headers()['cache-control']).toBe('public, max-age=0, must-revalidate')
  })
})

test.describe('wrangler dev on the build', () => {
  let server: RunningServer
  test.beforeAll(async () => {
    test.setTimeout(120_000)
    server = await startServer(
      'wrangler',
      ['dev', '--config', 'dist/server/wrangler.json', '--ip', '127.0.0.1', '--port', '8790'],
      { port: 8790 },
    )
  })
  test.afterAll(async () => {
    await server?.stop()
  })

  appChecks(() => server.url)
  hardeningChecks(() => server.url, { traceAllow: WITH_MIDDLEWARE })
})

test('wrangler deploy --dry-run accepts the build, with its bindings and assets', async () => {
  const output = await runInExample('wrangler', ['deploy', '--dry-run', '--config', 'dist/server/wrangler.json'])
  expect(output).toContain('--dry-run: exiting now.')
  expect(output).toMatch(/env\.KV \(0+\)\s+KV Namespace/)
  expect(output).toContain('env.GREETING ("Hello from wrangler.toml")')
  expect(output).toMatch(/Read \d+ files from the assets directory/)
})
