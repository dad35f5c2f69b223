import { expect, type Page } from '@playwright/test'
import { expectCounterHydrates } from '../utils/browser.js'
import type { Framework } from './frameworks.js'

/** The home page: rendered on the server with the adapter and `servedBy`, then hydrated (the counter counts). */
export async function expectHomePage(page: Page, url: string, framework: Framework): Promise<void> {
  const response = await page.goto(`${url}/`)
  expect(response?.status()).toBe(200)
  const html = await response!.text()
  expect(html).toContain('<h1>Welcome</h1>')
  expect(html).toContain(`Request adapter: <code>${framework.adapter}</code>`)
  expect(html).toContain(`served by <!-- -->${framework.servedBy}`)
  await expectCounterHydrates(page)
  // passToClient: the value survives hydration.
  await expect(page.getByText(`served by ${framework.servedBy}`)).toBeVisible()
}
