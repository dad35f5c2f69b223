import { readFileSync, writeFileSync } from 'node:fs'
import { expect, type Page } from '@playwright/test'

/** Clicks the examples' counter until it reacts: proof that the page hydrated (links then route on the client). */
export async function expectCounterHydrates(page: Page): Promise<void> {
  const button = page.getByRole('button', { name: /Counter/ })
  await expect(async () => {
    await button.click()
    await expect(button).not.toHaveText('Counter 0', { timeout: 500 })
  }).toPass()
}

/** Marks the window: a later `expectNoFullReload()` fails if the page was loaded again since (not client-side). */
export async function markWindow(page: Page): Promise<void> {
  await page.evaluate(() => Object.assign(window, { __noFullReload: true }))
}

export async function expectNoFullReload(page: Page): Promise<void> {
  expect(await page.evaluate(() => (window as { __noFullReload?: boolean }).__noFullReload)).toBe(true)
}

/**
 * Client HMR: with `/about` open, edits its heading in `file` and expects the open page to show it without
 * reloading; restores the file whatever happens.
 */
export async function expectAboutPageHotUpdates(page: Page, url: string, file: string): Promise<void> {
  const original = readFileSync(file, 'utf8')
  // The first visit of a dev server may end in one reload (Vite optimizing newly found dependencies): visit
  // until a load ends quietly, so that any later reload can only come from the edit.
  await page.goto(`${url}/about`, { waitUntil: 'networkidle' })
  await page.goto(`${url}/about`, { waitUntil: 'networkidle' })
  await expect(page.getByRole('heading', { name: 'About' })).toBeVisible()
  await markWindow(page)
  try {
    writeFileSync(file, original.replace('<h1>About</h1>', '<h1>About, edited</h1>'))
    await expect(page.getByRole('heading', { name: 'About, edited' })).toBeVisible({ timeout: 30_000 })
    await expectNoFullReload(page)
  } finally {
    writeFileSync(file, original)
  }
}
