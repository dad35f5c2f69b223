import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { rawRequest } from '@vike-photon/test-kit/raw-http'
import { expectAboutPageHotUpdates, expectCounterHydrates, expectNoFullReload, markWindow } from '../utils/browser.js'
import { saveFile } from '../utils/save.js'
import { buildExample, exampleDir, type RunningServer, startServer, vikeBin } from '../utils/server.js'

// Every Node example, in development (`vike dev`) and in production (`vike build` + `node dist/server/index.mjs`),
// driven in Chromium and over raw HTTP.

interface Example {
  name: string
  /** `pageContext.runtime.adapter` as the index page shows it, and what `addPageContext()` added. */
  adapter: string
  servedBy: string | null
  /** What `/api/hello` answers, and the file that defines it (edited by the server HMR test). */
  api: { hello: string; file: string }
  /** Whether the app has `+middleware`: POST to a page then reaches Vike instead of getting 405. */
  hasMiddleware: boolean
}

const examples: Example[] = [
  {
    name: 'hono-react',
    adapter: 'hono',
    servedBy: 'Hono',
    api: { hello: 'from Hono', file: 'server/index.ts' },
    hasMiddleware: false,
  },
  {
    name: 'express-react',
    adapter: 'express',
    servedBy: 'Express',
    api: { hello: 'from Express', file: 'server/index.ts' },
    hasMiddleware: false,
  },
  {
    name: 'zero-config',
    adapter: 'srvx',
    servedBy: null,
    api: { hello: 'from +middleware', file: 'pages/+middleware.ts' },
    hasMiddleware: true,
  },
]

for (const example of examples) {
  for (const mode of ['dev', 'prod'] as const) {
    test.describe(`${example.name} (${mode})`, () => {
      // One retry in dev, on a fresh dev server: under heavy load an edit of a plus file saved shortly after another
      // save has been dropped by the dev reload (see the server HMR test); a retried test is reported as flaky.
      test.describe.configure({ retries: mode === 'dev' ? 1 : 0 })
      const dir = exampleDir(example.name)
      let server: RunningServer

      test.beforeAll(async () => {
        test.setTimeout(120_000)
        if (mode === 'prod') {
          await buildExample(dir)
          server = await startServer({ cwd: dir, command: process.execPath, args: ['dist/server/index.mjs'] })
        } else {
          server = await startServer({ cwd: dir, command: vikeBin(dir), args: ['dev'] })
        }
      })
      test.afterAll(async () => {
        await server?.stop()
      })

      test('renders pages on the server', async ({ request }) => {
        const response = await request.get(`${server.url}/`)
        expect(response.status()).toBe(200)
        expect(response.headers()['content-type']).toContain('text/html')
        const html = await response.text()
        expect(html).toContain('<h1>Welcome</h1>')
        expect(html).toContain('Counter <!-- -->0')
      })

      test("gives pages the server's request context and what the app added to pageContext", async ({ page }) => {
        await page.goto(`${server.url}/`)
        await expect(page.getByText('Request adapter:')).toContainText(example.adapter)
        if (example.servedBy) await expect(page.getByText(`served by ${example.servedBy}`)).toBeVisible()
      })

      test('hydrates: the counter counts', async ({ page }) => {
        await page.goto(`${server.url}/`)
        await expectCounterHydrates(page)
      })

      test('navigates on the client', async ({ page }) => {
        await page.goto(`${server.url}/`)
        // Links only navigate on the client once the page is hydrated: wait until the counter reacts.
        await expectCounterHydrates(page)
        await markWindow(page)
        await page.getByRole('link', { name: 'About' }).click()
        await expect(page.getByRole('heading', { name: 'About' })).toBeVisible()
        await expectNoFullReload(page)
      })

      test("serves the app's own API route", async ({ request }) => {
        const response = await request.get(`${server.url}/api/hello`)
        expect(response.status()).toBe(200)
        expect((await response.json()).hello).toBe(example.api.hello)
      })

      test('serves static files with their content type', async ({ request }) => {
        const response = await request.get(`${server.url}/robots.txt`)
        expect(response.status()).toBe(200)
        expect(response.headers()['content-type']).toContain('text/plain')
        expect(await response.text()).toContain('User-agent')
      })

      test('answers unknown URLs with 404 and the error page', async ({ page }) => {
        const response = await page.goto(`${server.url}/does-not-exist`)
        expect(response?.status()).toBe(404)
        await expect(page.getByRole('heading', { name: '404 Page Not Found' })).toBeVisible()
      })

      test('answers a page that throws with 500 and the error page, and keeps serving', async ({ page, request }) => {
        const response = await page.goto(`${server.url}/crash`)
        expect(response?.status()).toBe(500)
        await expect(page.getByRole('heading', { name: '500 Internal Server Error' })).toBeVisible()
        expect((await request.get(`${server.url}/about`)).status()).toBe(200)
      })

      test('answers HEAD like GET, without a body', async ({ request }) => {
        const get = await request.get(`${server.url}/about`)
        const head = await request.head(`${server.url}/about`)
        expect(head.status()).toBe(200)
        expect(head.headers()['content-type']).toBe(get.headers()['content-type'])
        expect((await head.body()).length).toBe(0)
        expect((await request.head(`${server.url}/does-not-exist`)).status()).toBe(404)
      })

      test('refuses other methods on pages (405) unless the app handles them', async ({ request }) => {
        const response = await request.post(`${server.url}/about`)
        if (example.hasMiddleware) {
          expect(response.status()).toBe(200)
        } else {
          expect(response.status()).toBe(405)
          expect(response.headers().allow).toBe('GET, HEAD')
        }
      })

      test('answers a malformed URL with 400 and keeps serving', async () => {
        expect((await rawRequest(server.port, '/%E0%A4%A')).status).toBe(400)
        expect((await rawRequest(server.port, '/about')).status).toBe(200)
      })

      test('answers a huge header with 431 and keeps serving', async () => {
        expect((await rawRequest(server.port, '/', { headers: { 'X-Huge': 'x'.repeat(20_000) } })).status).toBe(431)
        expect((await rawRequest(server.port, '/')).status).toBe(200)
      })

      if (mode === 'prod') {
        test("leaves @universal-middleware/core and Express's adapter in node_modules, not in dist/server", async ({
          request,
        }) => {
          const bundle = readFileSync(join(dir, 'dist/server/index.mjs'), 'utf8')
          expect(bundle).toContain('from "vike-photon/__internal/universal-middleware-core"')
          // Rolldown heads each bundled module with a comment naming its path.
          expect(bundle).not.toMatch(/^\/\/ .*universal-middleware.core.*dist\/index\.js$/m)
          if (example.adapter === 'express') {
            expect(bundle).toContain('from "vike-photon/__internal/universal-middleware-express"')
            // The Express adapter and the Node request/response helpers it imports.
            expect(bundle).not.toMatch(/^\/\/ .*@universal-middleware\/(express|node)\/dist\//m)
          }
          expect((await request.get(`${server.url}/`)).status()).toBe(200)
        })

        test('caches hashed assets forever and revalidates the rest', async ({ request }) => {
          const html = await (await request.get(`${server.url}/`)).text()
          const asset = html.match(/src="(\/assets\/[^"]+\.js)"/)?.[1]
          expect(asset).toBeTruthy()
          const hashed = await request.get(`${server.url}${asset}`)
          expect(hashed.status()).toBe(200)
          expect(hashed.headers()['content-type']).toContain('javascript')
          expect(hashed.headers()['cache-control']).toBe('public, max-age=31536000, immutable')
          const plain = await request.get(`${server.url}/robots.txt`)
          expect(plain.headers()['cache-control']).toBe('public, max-age=0, must-revalidate')
          const etag = plain.headers().etag
          expect(etag).toBeTruthy()
          const revalidated = await request.get(`${server.url}/robots.txt`, { headers: { 'If-None-Match': etag! } })
          expect(revalidated.status()).toBe(304)
        })

        test('compresses pages and assets', async ({ request }) => {
          const page = await request.get(`${server.url}/`, { headers: { 'Accept-Encoding': 'gzip' } })
          expect(page.headers()['content-encoding']).toBe('gzip')
          expect(await page.text()).toContain('<h1>Welcome</h1>')
          const html = await page.text()
          const asset = html.match(/src="(\/assets\/[^"]+\.js)"/)?.[1]
          const gzipped = await request.get(`${server.url}${asset}`, { headers: { 'Accept-Encoding': 'gzip' } })
          expect(gzipped.headers()['content-encoding']).toBe('gzip')
          const brotli = await request.get(`${server.url}${asset}`, { headers: { 'Accept-Encoding': 'br, gzip' } })
          expect(brotli.headers()['content-encoding']).toBe('br')
          expect(await brotli.text()).toBe(await gzipped.text())
        })

        test('never serves a file from outside the client build', async () => {
          const serverEntry = readFileSync(join(dir, 'dist/server/index.mjs'), 'utf8').slice(0, 200)
          const attempts = [
            '/../server/index.mjs',
            '/assets/../../server/index.mjs',
            '/%2e%2e/server/index.mjs',
            '/..%2fserver%2findex.mjs',
            '/%2e%2e%2fserver%2findex.mjs',
            '/..\\server\\index.mjs',
            '/%5c..%5cserver%5cindex.mjs',
            `/${join(dir, 'dist/server/index.mjs')}`,
            '//etc/passwd',
            '/%252e%252e/server/index.mjs',
            '/server/index.mjs',
            '/.vite/manifest.json',
            '/robots.txt%00.js',
          ]
          for (const path of attempts) {
            const { status, text: body } = await rawRequest(server.port, path)
            // 404 (not a file of the client build), 400 (undecodable), or Vike's 301 to the normalized URL.
            expect([301, 400, 404], `${path} answered ${status}`).toContain(status)
            expect(body, path).not.toContain(serverEntry)
            expect(body, path).not.toContain('root:x:0:0')
          }
        })
      }

      if (mode === 'dev') {
        test('applies server edits to the next response without a restart (server HMR)', async ({ request }) => {
          const file = join(dir, example.api.file)
          const original = readFileSync(file, 'utf8')
          // Vike reloads plus files on a short debounce: an edit made within it (e.g. right after another file was
          // saved) can be dropped, so this edit waits the way a person's next save would. It runs before the
          // client HMR test for the same reason.
          await new Promise((resolve) => setTimeout(resolve, 3000))
          try {
            saveFile(file, original.replace(example.api.hello, 'edited by the test'))
            await expect(async () => {
              const response = await request.get(`${server.url}/api/hello`)
              expect((await response.json()).hello).toBe('edited by the test')
            }).toPass({ timeout: 30_000 })
            // Vike reloads plus files on a short debounce: an edit made within it can be dropped, so the
            // restore waits the way a person's next save would.
            await new Promise((resolve) => setTimeout(resolve, 1500))
          } finally {
            saveFile(file, original)
          }
          await expect(async () => {
            const response = await request.get(`${server.url}/api/hello`)
            expect((await response.json()).hello).toBe(example.api.hello)
          }).toPass({ timeout: 30_000 })
          // Same process throughout: the dev server was not restarted.
          expect(server.output()).not.toMatch(/Restarting server/)
          // One "listening" line with the address of HOST, not repeated by the server edits.
          expect(server.output().match(/Server running at .*/g)).toEqual([`Server running at ${server.url}/`])
        })

        test('updates an open page when its file changes, without reloading it (client HMR)', async ({ page }) => {
          await expectAboutPageHotUpdates(page, server.url, join(dir, 'pages/about/+Page.tsx'))
        })
      }
    })
  }
}

test.describe("hono-react (dev, hmr: 'prefer-restart')", () => {
  const dir = exampleDir('hono-react')
  let server: RunningServer

  test.beforeAll(async () => {
    // VIKE_CONFIG sets Vike settings from the environment, here the same `photon` with another `hmr`.
    server = await startServer({
      cwd: dir,
      command: vikeBin(dir),
      args: ['dev'],
      env: { VIKE_CONFIG: JSON.stringify({ photon: { server: 'server/index.ts', hmr: 'prefer-restart' } }) },
    })
  })
  test.afterAll(async () => {
    await server?.stop()
  })

  test('restarts the server process when the server entry changes', async ({ request }) => {
    const file = join(dir, 'server/index.ts')
    const original = readFileSync(file, 'utf8')
    try {
      writeFileSync(file, original.replace('from Hono', 'after a restart'))
      await expect(async () => {
        const response = await request.get(`${server.url}/api/hello`)
        expect((await response.json()).hello).toBe('after a restart')
      }).toPass({ timeout: 30_000 })
      expect(server.output()).toMatch(/Restarting server/)
    } finally {
      writeFileSync(file, original)
    }
  })
})
