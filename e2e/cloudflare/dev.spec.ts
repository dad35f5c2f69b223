import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { rawRequest } from '@vike-photon/test-kit/raw-http'
import { expectAboutPageHotUpdates } from '../utils/browser.js'
import { appChecks } from './app-checks'
import { exampleDir, type RunningServer, startServer } from './server'

// `vike dev`: the server side runs in workerd through the Cloudflare Vite plugin, which vike-photon added by itself.
let server: RunningServer

test.beforeAll(async () => {
  test.setTimeout(180_000)
  server = await startServer('vike', ['dev', '--port', '5190', '--strictPort', '--host', '127.0.0.1'], { port: 5190 })
  // The first requests make Vite optimize dependencies (and reload the page once): get that over with here.
  for (const path of ['/', '/about', '/bindings']) await fetch(server.url + path)
})

test.afterAll(async () => {
  await server?.stop()
})

test.describe('vike dev (workerd)', () => {
  appChecks(() => server.url)

  test('answers TRACE and PROPFIND with 405 and Allow, without a stack trace', async () => {
    for (const method of ['TRACE', 'PROPFIND']) {
      const { status, headers, text: body } = await rawRequest(Number(new URL(server.url).port), '/about', { method })
      expect(status, method).toBe(405)
      expect(headers.allow, method).toBe('GET, HEAD')
      expect(body, method).not.toMatch(/\bat \S+ \(/)
    }
  })
})

test.describe('vike dev (workerd): edits', () => {
  test('updates an open page when its file changes, without reloading it (client HMR)', async ({ page }) => {
    await expectAboutPageHotUpdates(page, server.url, join(exampleDir, 'pages/about/+Page.tsx'))
  })

  test('applies an edit of the server entry to the next response, in workerd', async ({ request }) => {
    const file = join(exampleDir, 'server/index.ts')
    const original = readFileSync(file, 'utf8')
    try {
      writeFileSync(file, original.replace("hello: 'from Hono'", "hello: 'edited in workerd'"))
      await expect(async () => {
        const body = await (await request.get(`${server.url}/api/hello`)).json()
        expect(body.hello).toBe('edited in workerd')
        expect(body.runtime).toBe('Cloudflare-Workers')
      }).toPass({ timeout: 30_000 })
    } finally {
      writeFileSync(file, original)
    }
    await expect(async () => {
      expect((await (await request.get(`${server.url}/api/hello`)).json()).hello).toBe('from Hono')
    }).toPass({ timeout: 30_000 })
  })
})
