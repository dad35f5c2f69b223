import { expect, test } from '@playwright/test'
import { freePort } from '@vike-photon/test-kit/ports'
import { run, startServer } from '@vike-photon/test-kit/process'
import { rawRequest } from '@vike-photon/test-kit/raw-http'
import { exampleDir, vikeBin } from '../utils/server.js'
import { expectHomePage } from './checks.js'
import { FRAMEWORKS } from './frameworks.js'

// The server entries of examples/frameworks that Photon's Cloudflare adapter takes (Hono, H3, srvx), each built into
// a Worker by examples/frameworks-cloudflare (`FRAMEWORK=<name> vike build`) and served in workerd by `vike preview`.

const dir = exampleDir('frameworks-cloudflare')
const ON_CLOUDFLARE = ['hono', 'h3', 'srvx']

for (const framework of FRAMEWORKS.filter((f) => ON_CLOUDFLARE.includes(f.id))) {
  test.describe(`${framework.name} on Cloudflare (vike build + vike preview)`, () => {
    let url: string
    let port: number
    let stop: () => Promise<void> = async () => {}
    test.beforeAll(async () => {
      test.setTimeout(150_000)
      const env = { FRAMEWORK: framework.id }
      const build = await run(vikeBin(dir), ['build'], { cwd: dir, env, timeoutMs: 180_000 })
      expect(build.output).toContain(`[vike-photon] Built for Cloudflare Workers (${framework.name} server).`)
      port = await freePort()
      url = `http://127.0.0.1:${port}`
      const args = ['preview', '--port', String(port), '--host', '127.0.0.1']
      const server = await startServer(vikeBin(dir), args, { cwd: dir, env, url, timeoutMs: 60_000 })
      stop = server.stop
    })
    test.afterAll(async () => {
      await stop()
    })

    test('renders and hydrates pages, with what the server entry added to pageContext', async ({ page }) => {
      await expectHomePage(page, url, framework)
    })

    test("serves the framework's own route, a client asset and the 404 page", async ({ page, request }) => {
      expect(await (await request.get(`${url}/api/hello`)).json()).toEqual({ hello: framework.api })
      const html = await (await request.get(`${url}/`)).text()
      const asset = html.match(/src="(\/assets\/[^"]+\.js)"/)?.[1]
      expect(asset).toBeTruthy()
      expect((await request.get(`${url}${asset}`)).status()).toBe(200)
      const missing = await page.goto(`${url}/does-not-exist`)
      expect(missing?.status()).toBe(404)
      await expect(page.getByRole('heading', { name: '404 Page Not Found' })).toBeVisible()
    })

    test('answers HEAD with the Content-Length of GET, other methods with 405 and Allow', async ({ request }) => {
      const get = await request.get(`${url}/about`, { headers: { 'Accept-Encoding': 'identity' } })
      const head = await rawRequest(port, '/about', { headers: { 'Accept-Encoding': 'identity' }, method: 'HEAD' })
      expect(head.status).toBe(200)
      expect(head.text).toBe('')
      expect(Number(head.headers['content-length'])).toBe((await get.body()).length)
      for (const method of ['POST', 'DELETE']) {
        const refused = await rawRequest(port, '/about', { method })
        expect(refused.status, method).toBe(405)
        expect(refused.headers.allow, method).toBe('GET, HEAD')
      }
    })
  })
}
