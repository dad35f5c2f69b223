import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { expect, type Page, test } from '@playwright/test'
import { freePort } from '@vike-photon/test-kit/ports'
import type { RunningServer } from '@vike-photon/test-kit/process'
import { expectCounterHydrates, expectNoFullReload, markWindow } from '../utils/browser.js'
import { buildExample, outputDir, startPreview } from './example.js'

// examples/vercel-react built for Vercel, served by `vike preview` from .vercel/output the way the platform routes it.

let server: RunningServer
let buildOutput: string

test.beforeAll(async () => {
  test.setTimeout(300_000)
  buildOutput = await buildExample()
  server = await startPreview(await freePort())
})
test.afterAll(async () => {
  await server?.stop()
})

test('vike preview says once where it listens: 127.0.0.1, the port from PORT', () => {
  const listening = server
    .output()
    .split('\n')
    .filter((line) => /https?:\/\/\S+:\d+/.test(line) && !line.includes('vercel.md'))
  expect(listening).toHaveLength(1)
  expect(listening[0]).toContain(`${server.url}/`)
  expect(server.output()).toContain('Serving .vercel/output as Vercel routes it')
})

test("vike build prints none of the warnings of Photon's Vercel adapter and its copies of @photonjs/core", () => {
  expect(buildOutput).toContain('[vike-photon] Built for Vercel.')
  // @photonjs/vercel 0.1.23 sets options Vite 8 deprecates or Rolldown rejects (targets/vercel/edge-options.ts).
  expect(buildOutput).not.toContain('optimizeDeps.esbuildOptions')
  expect(buildOutput).not.toContain('Invalid input options')
  // One @photonjs/core for vike-photon and @photonjs/vercel (pnpm-workspace.yaml, esbuild).
  expect(buildOutput).not.toContain('Multiple versions of @photonjs/core')
})

test("vike build and vike preview: no warning that vike-photon is deprecated (Vike's, about the upstream package)", () => {
  expect(buildOutput).not.toContain('is deprecated')
  expect(server.output()).not.toContain('is deprecated')
})

test('redirects as config.json says, and serves hashed assets as static files', async ({ request }) => {
  const redirect = await request.get(`${server.url}/about/index.html`, { maxRedirects: 0 })
  expect(redirect.status()).toBe(308)
  expect(redirect.headers().location).toBe('/about')
  const html = await (await request.get(`${server.url}/`)).text()
  const script = /<script[^>]+src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1]
  expect(script).toBeTruthy()
  const asset = await request.get(`${server.url}${script}`)
  expect(asset.status()).toBe(200)
  expect(asset.headers()['x-local-vercel']).toBe('static')
  expect(asset.headers()['content-type']).toBe('text/javascript; charset=utf-8')
})

test('server-renders the home page in the server function', async ({ request }) => {
  const response = await request.get(`${server.url}/`)
  expect(response.status()).toBe(200)
  expect(response.headers()['x-local-vercel']).toBe('function:_vike/server')
  expect(await response.text()).toContain('<h1>Welcome</h1>')
})

test('hydrates, then navigates on the client', async ({ page }) => {
  await page.goto(`${server.url}/`)
  await expectCounterHydrates(page)
  await markWindow(page)
  await page.getByRole('link', { name: 'About' }).click()
  await expect(page.getByRole('heading', { name: 'About' })).toBeVisible()
  expect(page.url()).toBe(`${server.url}/about`)
  // `navigate()` from vike/client/router, which the about page imports (its server function too).
  await page.getByRole('button', { name: 'Back home' }).click()
  await expect(page.getByRole('heading', { name: 'Welcome' })).toBeVisible()
  expect(page.url()).toBe(`${server.url}/`)
  await expectNoFullReload(page)
})

test('sends the headers a page sets with headersResponse', async ({ request }) => {
  const response = await request.get(`${server.url}/about`)
  expect(response.status()).toBe(200)
  expect(response.headers()['x-example']).toBe('about')
  expect(response.headers()['x-frame-options']).toBe('DENY')
})

test('caches the ISR page: a second request gets the same render', async ({ request }) => {
  const first = await request.get(`${server.url}/isr`)
  expect(first.status()).toBe(200)
  expect(first.headers()['x-local-vercel']).toBe('function:_vike/pages/isr')
  const renderedAt = /<time id="rendered-at">([^<]+)<\/time>/.exec(await first.text())?.[1]
  expect(renderedAt).toBeTruthy()
  const second = await request.get(`${server.url}/isr`)
  expect(second.headers()['x-vercel-cache']).toBe('HIT')
  expect(await second.text()).toContain(`<time id="rendered-at">${renderedAt}</time>`)
})

/**
 * From the hydrated home page, clicks `link` and checks that the client-side navigation fetched the page context from
 * the page's own function, with no full page load (what Vike falls back to when that request fails).
 */
async function navigateToOwnFunction(page: Page, link: string, path: string): Promise<void> {
  await page.goto(`${server.url}/`)
  await expectCounterHydrates(page)
  await markWindow(page)
  const pageContextRequest = page.waitForResponse((response) =>
    response.url().includes(`${path}/index.pageContext.json`),
  )
  await page.getByRole('link', { name: link }).click()
  const pageContextResponse = await pageContextRequest
  expect(pageContextResponse.status()).toBe(200)
  expect(pageContextResponse.headers()['x-local-vercel']).toBe(`function:_vike/pages${path}`)
  await expect(page.getByRole('heading', { name: link })).toBeVisible()
  await expectNoFullReload(page)
}

test('navigates on the client to the ISR page through its own function', async ({ page }) => {
  await navigateToOwnFunction(page, 'ISR', '/isr')
  await expect(page.locator('#rendered-at')).toBeVisible()
})

test('renders the edge page on the edge runtime, also after client navigation', async ({ page, request }) => {
  const response = await request.get(`${server.url}/edge`)
  expect(response.headers()['x-local-vercel']).toBe('function:_vike/pages/edge')
  await page.goto(`${server.url}/edge`)
  await expect(page.locator('#runtime')).toHaveText('edge')
  await navigateToOwnFunction(page, 'Edge', '/edge')
  await expect(page.locator('#runtime')).toHaveText('edge')
})

test("keeps the query string on a page with its own function (Photon's rewrite drops it)", async ({
  page,
  request,
}) => {
  const response = await request.get(`${server.url}/edge?name=Ada%20Lovelace&lang=en`)
  expect(response.headers()['x-local-vercel']).toBe('function:_vike/pages/edge')
  expect(await response.text()).toContain('<span id="name">Ada Lovelace</span>')
  // The page-context request of client-side navigation carries the query to the same function.
  const pageContext = await request.get(`${server.url}/edge/index.pageContext.json?name=Grace`)
  expect(pageContext.headers()['x-local-vercel']).toBe('function:_vike/pages/edge')
  expect(await pageContext.text()).toContain('Grace')
  await page.goto(`${server.url}/edge?name=Ada`)
  await expect(page.locator('#name')).toHaveText('Ada')
})

test('serves the pre-rendered page as a static file', async ({ page, request }) => {
  const response = await request.get(`${server.url}/static`)
  expect(response.status()).toBe(200)
  expect(response.headers()['x-local-vercel']).toBe('static')
  await page.goto(`${server.url}/static`)
  await expect(page.getByRole('heading', { name: 'Static' })).toBeVisible()
})

test('answers the API endpoint from its own function', async ({ request }) => {
  const response = await request.get(`${server.url}/api/hello?name=vercel`)
  expect(response.status()).toBe(200)
  expect(response.headers()['x-local-vercel']).toBe('function:api/hello')
  expect(await response.json()).toEqual({ hello: 'vercel' })
})

test('shows the error page with status 404 for an unknown URL', async ({ page }) => {
  const response = await page.goto(`${server.url}/no-such-page`)
  expect(response?.status()).toBe(404)
  await expect(page.getByRole('heading', { name: '404 Page Not Found' })).toBeVisible()
})

// Each page's own text, found in no other page's code.
const pageTexts = {
  index: 'Rendered on demand by a Vercel Function.',
  about: 'A second server-rendered page, with its own response headers.',
  isr: 'then cached by Vercel for a minute.',
  edge: 'Rendered by',
  static: 'Pre-rendered at build time and served as a file, no function involved.',
}

function functionCode(path: string): { code: string; size: number } {
  const dir = join(outputDir, 'functions', `${path}.func`)
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile())
  const paths = files.map((entry) => join(entry.parentPath, entry.name))
  const code = paths
    .filter((file) => /\.m?js$/.test(file))
    .map((file) => readFileSync(file, 'utf8'))
    .join('\n')
  return { code, size: paths.reduce((sum, file) => sum + statSync(file).size, 0) }
}

test("the ISR and edge functions hold their own page and the error page, no other page's code", () => {
  const server = functionCode('_vike/server')
  // The server function (the catch-all) holds every page that is no static file.
  for (const text of Object.values(pageTexts)) expect(server.code).toContain(text)
  for (const [name, page] of [
    ['isr', '_vike/pages/isr'],
    ['edge', '_vike/pages/edge'],
  ] as const) {
    const own = functionCode(page)
    const found = Object.entries(pageTexts)
      .filter(([, text]) => own.code.includes(text))
      .map(([key]) => key)
    expect({ page, found }).toEqual({ page, found: [name] })
    expect(own.code).toContain('404 Page Not Found')
  }
  // Smaller than the server function by at least the other pages' code (the rest is the shared runtime: React, Vike,
  // the server framework; see docs/per-page-bundles.md for the numbers). Only the ISR function is compared: the edge
  // function runs elsewhere, with react-dom's edge renderer and the edge runtime's shims, and weighs more than the Node
  // server function for that alone (1.21 MB against 1.05 MB).
  expect(functionCode('_vike/pages/isr').size).toBeLessThan(server.size)
})

test('the Node functions hold the production builds of their dependencies, not the development ones', () => {
  for (const path of ['_vike/server', '_vike/pages/isr']) {
    const { code } = functionCode(path)
    expect(code).toContain('renderToPipeableStream')
    // A warning found in every development build of react-dom, in none of its production builds.
    expect(code).not.toContain('Invalid attribute name: `%s`')
  }
  // 1.03 MB measured (React, react-dom's Node renderer, Vike, the page); 1.56 MB with react-dom's edge renderer next to
  // it, 3.4 MB with react-dom's development builds next to the production ones.
  expect(functionCode('_vike/pages/isr').size).toBeLessThan(1_300_000)
})

test("the Node functions hold one server renderer of react-dom, Node's, not the edge one next to it", () => {
  // react-streaming imports react-dom/server.edge for web streams; react-dom's Node renderer renders them too
  // (plugin/react-dom-server-plugin.ts). Each of react-dom's two server entries holds a legacy renderer with this message.
  const legacyRenderer = 'The server used "renderToString" which does not support Suspense'
  for (const path of ['_vike/server', '_vike/pages/isr']) {
    const { code } = functionCode(path)
    expect({ path, renderers: code.split(legacyRenderer).length - 1 }).toEqual({ path, renderers: 1 })
    expect(code).toContain('renderToPipeableStream')
    // Only in react-dom-server.edge.production.js, which has no AsyncLocalStorage import from node:async_hooks.
    expect(code).not.toContain('"function" === typeof AsyncLocalStorage')
  }
})
