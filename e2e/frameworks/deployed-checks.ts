import { expect, test } from '@playwright/test'
import { rawRequest } from '@vike-photon/test-kit/raw-http'
import { expectHomePage } from './checks.js'
import type { Framework } from './frameworks.js'

// The production half of the conformance suite, for a build served the way a platform routes it (Vercel's Build
// Output, Netlify's Frameworks API output): pages, hydration, pageContext additions, the framework's own route, an
// asset, the 404 page, HEAD and refused methods. Each response names who answered it in `routedBy`
// (`x-local-vercel` / `x-local-netlify`), so that the checks also prove which part of the output served it.

export interface DeployedApp {
  url: string
  port: number
}

export interface Platform {
  /** The response header in which the local router names what answered (`static`, `function:<name>`). */
  routedBy: string
  /** Its value for what the app's server function answers. */
  serverFunction: string
}

/** Declares the checks for `framework`, served by `app()` (started in the caller's `beforeAll`). */
export function deployedConformance(framework: Framework, platform: Platform, app: () => DeployedApp): void {
  test('renders and hydrates pages in the server function, with what the server entry added to pageContext', async ({
    page,
    request,
  }) => {
    const response = await request.get(`${app().url}/about`)
    expect(response.status()).toBe(200)
    expect(response.headers()[platform.routedBy]).toBe(platform.serverFunction)
    expect(await response.text()).toContain('<h1>About</h1>')
    await expectHomePage(page, app().url, framework)
  })

  test("serves the framework's own route from the server function", async ({ request }) => {
    // Skipped for the built-in server: it has no server entry, so no /api/hello route of the framework's own.
    test.skip(!framework.api, 'the built-in server has no route of its own')
    const api = await request.get(`${app().url}/api/hello`)
    expect(api.status()).toBe(200)
    expect(api.headers()[platform.routedBy]).toBe(platform.serverFunction)
    expect(await api.json()).toEqual({ hello: framework.api })
  })

  test('serves a client asset as a static file, and the 404 page for an unknown URL', async ({ page, request }) => {
    const html = await (await request.get(`${app().url}/`)).text()
    const asset = html.match(/src="(\/assets\/[^"]+\.js)"/)?.[1]
    expect(asset).toBeTruthy()
    const script = await request.get(`${app().url}${asset}`)
    expect(script.status()).toBe(200)
    expect(script.headers()[platform.routedBy]).toBe('static')
    expect(script.headers()['content-type']).toContain('javascript')
    const missing = await page.goto(`${app().url}/does-not-exist`)
    expect(missing?.status()).toBe(404)
    await expect(page.getByRole('heading', { name: '404 Page Not Found' })).toBeVisible()
  })

  test('answers HEAD like GET without a body, other methods with 405 and Allow', async ({ request }) => {
    const { port } = app()
    const get = await request.get(`${app().url}/about`, { headers: { 'Accept-Encoding': 'identity' } })
    const head = await rawRequest(port, '/about', { method: 'HEAD', headers: { 'Accept-Encoding': 'identity' } })
    expect(head.status).toBe(200)
    expect(head.headers[platform.routedBy]).toBe(platform.serverFunction)
    expect(head.headers['content-type']).toBe(get.headers()['content-type'])
    expect(head.text).toBe('')
    for (const method of ['POST', 'DELETE']) {
      const refused = await rawRequest(port, '/about', { method })
      expect(refused.status, method).toBe(405)
      expect(refused.headers.allow, method).toBe('GET, HEAD')
    }
  })
}
