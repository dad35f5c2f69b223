import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { run } from '@vike-photon/test-kit/process'
import { rawRequest } from '@vike-photon/test-kit/raw-http'
import { expectAboutPageHotUpdates } from '../utils/browser.js'
import { listeningSockets } from '../utils/pty.js'
import { exampleDir, type RunningServer, startServer, vikeBin } from '../utils/server.js'
import { expectHomePage } from './checks.js'
import { FRAMEWORKS } from './frameworks.js'

// One conformance suite, run for every server framework Photon has a Node adapter for (and the built-in server), on
// examples/frameworks: `FRAMEWORK=<name>` picks its server entry (server/<name>.ts). Per framework: one `vike build`
// served by `node dist/server/index.mjs`, then one `vike dev` session. Each framework runs serially (they share the
// example's dist/ and its files, which the HMR checks edit).

const dir = exampleDir('frameworks')

for (const framework of FRAMEWORKS) {
  test.describe(framework.name, () => {
    const env = { FRAMEWORK: framework.id }

    test.describe('production (node dist/server/index.mjs)', () => {
      let server: RunningServer
      test.beforeAll(async () => {
        test.setTimeout(120_000)
        await run(vikeBin(dir), ['build'], { cwd: dir, env, timeoutMs: 180_000 })
        server = await startServer({ cwd: dir, command: process.execPath, args: ['dist/server/index.mjs'], env })
      })
      test.afterAll(async () => {
        await server?.stop()
      })

      test('renders and hydrates pages, with what the server entry added to pageContext', async ({ page }) => {
        await expectHomePage(page, server.url, framework)
        expect(server.output().match(/Server running at .*/g)).toEqual([`Server running at ${server.url}/`])
      })

      test("serves the framework's own route, a client asset and the 404 page", async ({ page, request }) => {
        if (framework.api) {
          const api = await request.get(`${server.url}/api/hello`)
          expect(api.status()).toBe(200)
          expect(await api.json()).toEqual({ hello: framework.api })
        }
        const html = await (await request.get(`${server.url}/`)).text()
        const asset = html.match(/src="(\/assets\/[^"]+\.js)"/)?.[1]
        expect(asset).toBeTruthy()
        const script = await request.get(`${server.url}${asset}`)
        expect(script.status()).toBe(200)
        expect(script.headers()['content-type']).toContain('javascript')
        expect(script.headers()['cache-control']).toBe('public, max-age=31536000, immutable')
        const missing = await page.goto(`${server.url}/does-not-exist`)
        expect(missing?.status()).toBe(404)
        await expect(page.getByRole('heading', { name: '404 Page Not Found' })).toBeVisible()
      })

      test('answers HEAD with the Content-Length of GET, other methods with 405 and Allow', async ({ request }) => {
        const get = await request.get(`${server.url}/about`, { headers: { 'Accept-Encoding': 'identity' } })
        const head = await rawRequest(server.port, '/about', {
          headers: { 'Accept-Encoding': 'identity' },
          method: 'HEAD',
        })
        expect(head.status).toBe(200)
        expect(head.text).toBe('')
        expect(Number(head.headers['content-length'])).toBe((await get.body()).length)
        for (const method of ['POST', 'DELETE']) {
          const refused = await rawRequest(server.port, '/about', { method })
          expect(refused.status, method).toBe(405)
          expect(refused.headers.allow, method).toBe('GET, HEAD')
        }
      })

      test('answers a huge header with 431 and keeps serving', async () => {
        expect((await rawRequest(server.port, '/', { headers: { 'X-Huge': 'x'.repeat(20_000) } })).status).toBe(431)
        expect((await rawRequest(server.port, '/')).status).toBe(200)
      })
    })

    test.describe('development (vike dev)', () => {
      // One retry, on a fresh dev server: under load, Vike's dev reload has dropped an edit saved shortly after
      // another one (as in e2e/node/examples.spec.ts); a retried test is reported as flaky.
      test.describe.configure({ retries: 1 })
      let server: RunningServer
      test.beforeAll(async () => {
        test.setTimeout(120_000)
        server = await startServer({ cwd: dir, command: vikeBin(dir), args: ['dev'], env, timeoutMs: 60_000 })
      })
      test.afterAll(async () => {
        await server?.stop()
      })

      test('listens on HOST and PORT, says so once, renders and hydrates', async ({ page }) => {
        expect(listeningSockets()).toContain(`127.0.0.1:${server.port}`)
        expect(listeningSockets()).not.toContain(`*:${server.port}`)
        await expectHomePage(page, server.url, framework)
        expect(server.output().match(/Server running at .*/g)).toEqual([`Server running at ${server.url}/`])
      })

      test('applies an edit of the server entry to the next response, without a restart', async ({ request }) => {
        // Skipped for the built-in server: it has no server entry file that an edit could change.
        test.skip(!framework.api, 'the built-in server has no server entry')
        const file = join(dir, 'server', `${framework.id}.ts`)
        const original = readFileSync(file, 'utf8')
        const edited = `${framework.api}, edited`
        // Vike reloads on a short debounce after the files it watches change: wait as a person's next save would.
        await new Promise((resolve) => setTimeout(resolve, 2000))
        try {
          writeFileSync(file, original.replace(`'${framework.api}'`, `'${edited}'`))
          await expect(async () => {
            expect(await (await request.get(`${server.url}/api/hello`)).json()).toEqual({ hello: edited })
          }).toPass({ timeout: 30_000 })
          // The restore, too, waits as a person's next save would (an edit within the debounce can be dropped).
          await new Promise((resolve) => setTimeout(resolve, 1500))
        } finally {
          writeFileSync(file, original)
        }
        await expect(async () => {
          expect(await (await request.get(`${server.url}/api/hello`)).json()).toEqual({ hello: framework.api })
        }).toPass({ timeout: 30_000 })
        expect(server.output()).not.toMatch(/Restarting server|server restarted/)
        // Still one "listening" line: the reloads did not print another.
        expect(server.output().match(/Server running at .*/g)).toEqual([`Server running at ${server.url}/`])
      })

      test('updates an open page when its file changes, without reloading it', async ({ page }) => {
        await expectAboutPageHotUpdates(page, server.url, join(dir, 'pages/about/+Page.tsx'))
      })
    })
  })
}
