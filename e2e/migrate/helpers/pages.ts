import { expect, type Page, type TestInfo } from '@playwright/test'

/** What a visitor sees on one URL. */
export type PageRecord = {
  path: string
  status: number
  title: string
  /** Visible text of `<main>`, one line per non-empty line. */
  main: string
}

/** A route of the app's own server (not a Vike page), checked over plain HTTP. */
export type RouteRecord = { path: string; status: number; body: string }

function normalize(text: string) {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .join('\n')
}

/**
 * Loads each path in Chromium and records what the visitor gets. Also fails on what a visitor would notice
 * beyond the text: an uncaught error in the page, or a script/stylesheet that does not load.
 */
export async function recordPages(page: Page, baseURL: string, paths: string[]): Promise<PageRecord[]> {
  const problems: string[] = []
  page.on('pageerror', (err) => problems.push(`uncaught error in the page: ${err.message}`))
  page.on('response', (res) => {
    const type = res.request().resourceType()
    if ((type === 'script' || type === 'stylesheet') && res.status() >= 400) {
      problems.push(`${type} ${res.url()} answered ${res.status()}`)
    }
  })
  page.on('requestfailed', (req) => {
    const type = req.resourceType()
    const error = req.failure()?.errorText ?? 'failed'
    // ERR_ABORTED: the browser cancelled a (pre)load because the test moved on to the next page.
    if ((type === 'script' || type === 'stylesheet') && !error.includes('ERR_ABORTED')) {
      problems.push(`${type} ${req.url()}: ${error}`)
    }
  })
  const records: PageRecord[] = []
  for (const path of paths) {
    const res = await page.goto(baseURL + path, { waitUntil: 'load' })
    expect(res, `no response for ${path}`).not.toBeNull()
    records.push({
      path,
      status: res!.status(),
      title: await page.title(),
      // biome-ignore lint/performance/useDomNodeTextContent: what a visitor sees (layout-aware) is the point
      main: normalize(await page.locator('main').innerText()),
    })
  }
  expect(problems, 'the pages load without errors').toEqual([])
  return records
}

/** Fetches the app's own (non-page) routes over HTTP. */
export async function recordRoutes(baseURL: string, paths: string[]): Promise<RouteRecord[]> {
  const records: RouteRecord[] = []
  for (const path of paths) {
    const res = await fetch(baseURL + path, { signal: AbortSignal.timeout(10_000) })
    records.push({ path, status: res.status, body: (await res.text()).trim() })
  }
  return records
}

/**
 * The home page's counter works once React has hydrated: keep clicking until it moves, then check that one more
 * click adds exactly one. Then a link click must render the next page on the client (no full page load), which
 * needs the server to answer Vike's pageContext requests.
 */
export async function expectHydratedAndClientRouting(page: Page, baseURL: string) {
  await page.goto(`${baseURL}/`)
  const counter = page.getByRole('button', { name: /^Counter \d+$/ })
  await expect(counter).toHaveText('Counter 0')
  await expect(async () => {
    await counter.click()
    await expect(counter).not.toHaveText('Counter 0', { timeout: 500 })
  }, 'the counter reacts to clicks (the page hydrated)').toPass({ timeout: 20_000 })
  const count = Number((await counter.textContent())?.replace('Counter ', ''))
  await counter.click()
  await expect(counter).toHaveText(`Counter ${count + 1}`)

  await page.evaluate(() => {
    ;(window as unknown as { __sameDocument: boolean }).__sameDocument = true
  })
  await page.getByRole('link', { name: 'Item 2' }).click()
  await expect(page.locator('main h1')).toHaveText('Nut')
  await expect(page).toHaveURL(`${baseURL}/items/2`)
  expect(
    await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument === true),
    'the link was followed by client-side routing, without a full page load',
  ).toBe(true)
}

export async function attachJson(testInfo: TestInfo, name: string, value: unknown) {
  await testInfo.attach(name, { body: JSON.stringify(value, null, 2), contentType: 'application/json' })
}
