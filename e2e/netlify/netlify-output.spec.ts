import { existsSync, readFileSync } from 'node:fs'
import { isBuiltin } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { expect, test } from '@playwright/test'
import { freePort } from '@vike-photon/test-kit/ports'
import type { RunningServer } from '@vike-photon/test-kit/process'
import { expectCounterHydrates, expectNoFullReload, markWindow } from '../utils/browser.js'
import { buildExample, exampleDir, startRouter } from './example.js'

// examples/netlify-react built for Netlify (one build for the whole file), its functions run locally, each in its own
// process, behind router.ts, which routes static files and functions the way Netlify does.

const functionsDir = join(exampleDir, '.netlify/v1/functions')
let buildOutput = ''
let server: RunningServer

test.beforeAll(async () => {
  test.setTimeout(360_000)
  buildOutput = await buildExample()
  server = await startRouter(await freePort())
})
test.afterAll(async () => {
  await server?.stop()
})

/** A function module's in-source config (`export const config = {...}`). */
function functionConfig(name: string): Record<string, unknown> {
  const code = readFileSync(join(functionsDir, `${name}.mjs`), 'utf8')
  return JSON.parse(/export const config = (\{[\s\S]*\})/.exec(code)?.[1] ?? 'null') as Record<string, unknown>
}

/** Every file of the build a function runs: its bundle and what that imports by relative path, statically or lazily. */
function functionCode(name: string): string {
  const code = readFileSync(join(functionsDir, `${name}.mjs`), 'utf8')
  const seen = new Set<string>()
  const visit = (file: string) => {
    if (seen.has(file) || !existsSync(file)) return
    seen.add(file)
    for (const match of readFileSync(file, 'utf8').matchAll(
      /(?:\bfrom\s*|\bimport\s*\(?\s*)(["'])(\.{1,2}\/[^"']+)\1/g,
    ))
      visit(resolve(dirname(file), match[2] as string))
  }
  visit(resolve(functionsDir, /^import server from "([^"]+)"/m.exec(code)?.[1] ?? ''))
  return [...seen].map((file) => readFileSync(file, 'utf8')).join('\n')
}

test('writes the Frameworks API layout: two functions, config.json headers, static files in dist/client', () => {
  expect(existsSync(join(functionsDir, 'vike-photon-server.mjs'))).toBe(true)
  expect(existsSync(join(functionsDir, 'vike-photon-pages_news.mjs'))).toBe(true)
  expect(functionConfig('vike-photon-server')).toMatchObject({
    path: ['/*'],
    excludedPath: ['/news', '/news/index.pageContext.json'],
    preferStatic: true,
  })
  expect(functionConfig('vike-photon-pages_news')).toMatchObject({
    path: ['/news', '/news/index.pageContext.json'],
    preferStatic: true,
  })
  const config = JSON.parse(readFileSync(join(exampleDir, '.netlify/v1/config.json'), 'utf8'))
  expect(config.headers).toContainEqual({
    for: '/assets/*',
    values: { 'Cache-Control': 'public, max-age=31536000, immutable' },
  })
  expect(existsSync(join(exampleDir, 'dist/client/static/index.html'))).toBe(true)
  // @netlify/vite-plugin's own writer is off (it cannot take a Vike build): no `server.mjs` next to ours.
  expect(existsSync(join(functionsDir, 'server.mjs'))).toBe(false)
})

/** The packages a function's code imports from node_modules (Node's built-in modules left out). */
function packageImports(code: string): string[] {
  // Bundled output: one statement per line, at its start (a message that quotes an import is not one).
  const specifiers = [...code.matchAll(/^(?:import|export)\b(?:[^'"\n]*?\sfrom)?\s*["']([^"'.][^"']*)["']/gm)]
  return [...new Set(specifiers.map((match) => match[1] as string))].filter((name) => !isBuiltin(name))
}

test("the page's own function holds that page only; the server function holds every page", () => {
  const news = functionCode('vike-photon-pages_news')
  // Self-contained: Netlify's bundler has nothing to add from node_modules (which would bring Vike's entry lookup, and
  // with it every page).
  expect(packageImports(news)).toEqual([])
  expect(news).toContain('from this page')
  expect(news).not.toContain('A second server-rendered page')
  expect(news).not.toContain('Rendered on demand by a Netlify Function')
  const all = functionCode('vike-photon-server')
  expect(all).toContain('A second server-rendered page')
  expect(all).toContain('Rendered on demand by a Netlify Function')
})

test("each function holds one server renderer of react-dom, Node's, not the edge one next to it", () => {
  // react-streaming imports react-dom/server.edge for web streams; react-dom's Node renderer renders them too
  // (plugin/react-dom-server-plugin.ts). Measured: 1.41 MB with both renderers, 0.96 MB with Node's only.
  for (const name of ['vike-photon-server', 'vike-photon-pages_news']) {
    const code = functionCode(name)
    expect(code).toContain('renderToPipeableStream')
    // Only in react-dom-server.edge.production.js, which has no AsyncLocalStorage import from node:async_hooks.
    expect({ name, edge: code.includes('"function" === typeof AsyncLocalStorage') }).toEqual({ name, edge: false })
  }
})

test("the build summary lists Netlify's functions with their paths and sizes", () => {
  expect(buildOutput).toContain('Built for Netlify (built-in server).')
  expect(buildOutput).toMatch(/vike-photon-server {2}[\d.]+ [kM]B {2}\/\* {2}\(runs dist\/server\/index\.mjs\)/)
  expect(buildOutput).toMatch(/vike-photon-pages_news {2}[\d.]+ [kM]B {2}\/news \/news\/index\.pageContext\.json/)
})

test('server-renders the home page in the server function, which hydrates and navigates to /news', async ({ page }) => {
  const response = await page.goto(`${server.url}/`)
  expect(response?.status()).toBe(200)
  expect(response?.headers()['x-local-netlify']).toBe('function:vike-photon-server')
  await expectCounterHydrates(page)
  await markWindow(page)
  // Client-side navigation: the page context of /news comes from the page's own function.
  const pageContext = page.waitForResponse((r) => r.url().endsWith('/news/index.pageContext.json'))
  await page.getByRole('link', { name: 'News' }).click()
  await expect(page.getByRole('heading', { name: 'News' })).toBeVisible()
  expect((await pageContext).headers()['x-local-netlify']).toBe('function:vike-photon-pages_news')
  await expectNoFullReload(page)
})

test('a photonUnit page is answered by its own function, with the query string, and hydrates', async ({ page }) => {
  const response = await page.goto(`${server.url}/news?topic=vike`)
  expect(response?.status()).toBe(200)
  expect(response?.headers()['x-local-netlify']).toBe('function:vike-photon-pages_news')
  await expect(page.locator('#topic')).toHaveText('vike')
  await expectCounterHydrates(page)
})

test('sends the headers a page sets with headersResponse', async ({ request }) => {
  const response = await request.get(`${server.url}/about`)
  expect(response.status()).toBe(200)
  expect(response.headers()['x-example']).toBe('about')
  expect(response.headers()['x-frame-options']).toBe('DENY')
})

test('serves hashed assets as immutable static files, and pre-rendered pages as files', async ({ request }) => {
  const html = await (await request.get(`${server.url}/`)).text()
  const script = /<script[^>]+src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1]
  expect(script).toBeTruthy()
  const asset = await request.get(`${server.url}${script}`)
  expect(asset.status()).toBe(200)
  expect(asset.headers()['x-local-netlify']).toBe('static')
  expect(asset.headers()['cache-control']).toBe('public, max-age=31536000, immutable')
  const prerendered = await request.get(`${server.url}/static`)
  expect(prerendered.headers()['x-local-netlify']).toBe('static')
  // Its static headersResponse, from the rule vike-photon wrote into config.json.
  expect(prerendered.headers()['x-example']).toBe('static')
  expect(await prerendered.text()).toContain('<h1>Static</h1>')
})

test('answers an API endpoint and an unknown URL (404 page) from the server function', async ({ request }) => {
  const api = await request.get(`${server.url}/api/hello?name=Ada`)
  expect(await api.json()).toEqual({ hello: 'Ada' })
  const missing = await request.get(`${server.url}/no-such-page`)
  expect(missing.status()).toBe(404)
  expect(missing.headers()['x-local-netlify']).toBe('function:vike-photon-server')
  expect(await missing.text()).toContain('404 Page Not Found')
})
