import { expect, test } from '@playwright/test'
import { buildExample, outputDir } from './example.js'
import { startVercelOutputServer, type VercelOutputServer } from './vercel-output-server.js'

// examples/vercel-react built for Vercel, served from .vercel/output the way the platform routes it.

let server: VercelOutputServer

test.beforeAll(async () => {
  test.setTimeout(240_000)
  buildExample()
  server = await startVercelOutputServer(outputDir)
})
test.afterAll(async () => {
  await server?.close()
})

test('server-renders the home page in the server function', async ({ request }) => {
  const response = await request.get(`${server.url}/`)
  expect(response.status()).toBe(200)
  expect(response.headers()['x-local-vercel']).toBe('function:_vike/server')
  expect(await response.text()).toContain('<h1>Welcome</h1>')
})

test('hydrates, then navigates on the client', async ({ page }) => {
  await page.goto(`${server.url}/`)
  await page.evaluate(() => {
    ;(window as { notReloaded?: boolean }).notReloaded = true
  })
  await expect(async () => {
    await page.getByRole('button', { name: /Counter/ }).click()
    await expect(page.getByRole('button', { name: 'Counter 1' })).toBeVisible({ timeout: 500 })
  }).toPass()
  await page.getByRole('link', { name: 'About' }).click()
  await expect(page.getByRole('heading', { name: 'About' })).toBeVisible()
  expect(page.url()).toBe(`${server.url}/about`)
  expect(await page.evaluate(() => (window as { notReloaded?: boolean }).notReloaded)).toBe(true)
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

test('renders the edge page on the edge runtime, also after client navigation', async ({ page, request }) => {
  const response = await request.get(`${server.url}/edge`)
  expect(response.headers()['x-local-vercel']).toBe('function:_vike/pages/edge')
  await page.goto(`${server.url}/edge`)
  await expect(page.locator('#runtime')).toHaveText('edge')
  await page.getByRole('link', { name: 'Home' }).click()
  await expect(page.getByRole('heading', { name: 'Welcome' })).toBeVisible()
  await page.getByRole('link', { name: 'Edge' }).click()
  await expect(page.getByRole('heading', { name: 'Edge' })).toBeVisible()
  await expect(page.locator('#runtime')).toHaveText('edge')
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
