import { expect, type Page, test } from '@playwright/test'

// What a visitor of examples/cloudflare-react sees, checked the same way against every way of running it
// (vike dev, vike preview, wrangler dev). `getUrl` returns the running server's base URL.

export function appChecks(getUrl: () => string) {
  const goto = (page: Page, path: string) => page.goto(getUrl() + path)

  test('the HTML is rendered in workerd, the Workers runtime', async ({ request }) => {
    const response = await request.get(`${getUrl()}/`)
    expect(response.status()).toBe(200)
    const html = await response.text()
    // Before any JavaScript runs in the browser: the server put its own user agent in the page.
    expect(html).toContain('<code id="runtime">Cloudflare-Workers</code>')
    expect(html).toContain('<title>vike-photon on Cloudflare</title>')
  })

  /** Clicks before hydration do nothing: keeps clicking the counter until React has taken over the page. */
  async function waitForHydration(page: Page) {
    const counter = page.getByRole('button', { name: /Counter/ })
    await expect(async () => {
      await counter.click()
      await expect(counter).not.toHaveText('Counter 0', { timeout: 500 })
    }).toPass()
  }

  test('the page hydrates: the counter counts', async ({ page }) => {
    await goto(page, '/')
    const counter = page.getByRole('button', { name: /Counter/ })
    await expect(counter).toHaveText('Counter 0')
    await waitForHydration(page)
    await counter.click()
    await expect(counter).toHaveText(/Counter [2-9]/)
  })

  test('links navigate on the client, without reloading the page', async ({ page }) => {
    await goto(page, '/')
    await waitForHydration(page)
    await page.evaluate(() => {
      ;(window as unknown as { notReloaded: boolean }).notReloaded = true
    })
    await page.getByRole('link', { name: 'About' }).click()
    await expect(page.getByRole('heading', { name: 'About' })).toBeVisible()
    expect(page.url()).toBe(`${getUrl()}/about`)
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true)
  })

  test("the bindings page shows a var and a KV value from wrangler.toml's bindings", async ({ page }) => {
    await goto(page, '/bindings')
    await expect(page.locator('#greeting')).toHaveText('Hello from wrangler.toml')
    await expect(page.locator('#runtime-greeting')).toHaveText('Hello from wrangler.toml')
    const first = Number(await page.locator('#visits').textContent())
    expect(first).toBeGreaterThanOrEqual(1)
    // The page counts its renders in KV: a reload reads back what the previous render wrote.
    await page.reload()
    await expect(page.locator('#visits')).toHaveText(String(first + 1))
  })

  test('a static file of public/ is served', async ({ request }) => {
    const response = await request.get(`${getUrl()}/logo.svg`)
    expect(response.status()).toBe(200)
    expect(response.headers()['content-type']).toContain('image/svg+xml')
    expect(await response.text()).toContain('<title>vike-photon</title>')
  })

  test('an unknown URL shows the 404 page with status 404', async ({ page }) => {
    const response = await goto(page, '/no-such-page')
    expect(response?.status()).toBe(404)
    await expect(page.getByRole('heading', { name: '404 Page Not Found' })).toBeVisible()
  })

  test('a page that throws shows the 500 page with status 500', async ({ page }) => {
    const response = await goto(page, '/crash')
    expect(response?.status()).toBe(500)
    await expect(page.getByRole('heading', { name: '500 Internal Server Error' })).toBeVisible()
  })
}
