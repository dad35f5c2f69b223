import { expect, test } from '@playwright/test'
import type { RunningServer } from '@vike-photon/test-kit/process'
import { startDevServer } from './example.js'

// examples/vercel-react under `vike dev`, with @photonjs/vercel installed.

let server: RunningServer

test.beforeAll(async () => {
  test.setTimeout(120_000)
  server = await startDevServer(3517)
})
test.afterAll(async () => {
  await server?.stop()
})

test('renders and hydrates the home page, then navigates on the client', async ({ page }) => {
  await page.goto(`${server.url}/`)
  await expect(page.getByRole('heading', { name: 'Welcome' })).toBeVisible()
  await expect(async () => {
    await page.getByRole('button', { name: /Counter/ }).click()
    await expect(page.getByRole('button', { name: 'Counter 1' })).toBeVisible({ timeout: 500 })
  }).toPass()
  await page.getByRole('link', { name: 'About' }).click()
  await expect(page.getByRole('heading', { name: 'About' })).toBeVisible()
})

test('renders the ISR, edge and pre-rendered pages on demand', async ({ page }) => {
  for (const [path, heading] of [
    ['/isr', 'ISR'],
    ['/edge', 'Edge'],
    ['/static', 'Static'],
  ] as const) {
    const response = await page.goto(`${server.url}${path}`)
    expect(response?.status()).toBe(200)
    await expect(page.getByRole('heading', { name: heading })).toBeVisible()
  }
  await expect(page.locator('#rendered-at')).toHaveCount(0)
})

test('sends headersResponse, answers the endpoint and 404s unknown URLs', async ({ request, page }) => {
  const about = await request.get(`${server.url}/about`)
  expect(about.headers()['x-example']).toBe('about')
  const api = await request.get(`${server.url}/api/hello?name=dev`)
  expect(await api.json()).toEqual({ hello: 'dev' })
  const missing = await page.goto(`${server.url}/no-such-page`)
  expect(missing?.status()).toBe(404)
  await expect(page.getByRole('heading', { name: '404 Page Not Found' })).toBeVisible()
})
