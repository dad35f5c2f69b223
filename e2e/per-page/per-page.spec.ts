import { expect, type Page, test } from '@playwright/test'
import { childEnv } from '@vike-photon/test-kit/env'
import { pageMarker, pageRoute } from '@vike-photon/test-kit/per-page-app'
import { startVercelOutputServer } from '../../packages/vike-photon/src/targets/vercel/preview/server.js'
import { buildPerPageApp } from './app.js'
import { startUnitRouter } from './unit-router.js'

// A generated app whose every page is its own unit (`photonUnit: true`), served two ways: from .vercel/output as the
// platform routes it (each page its own function), and by a per-route router over the Node build's handler modules
// (each unit in its own process). Every page renders and hydrates, and client-side navigation crosses units.

const PAGES = 3
const pages = Array.from({ length: PAGES }, (_, i) => i + 1)

interface Served {
  url: string
  /** The response header that names what answered, and its value for page `i`. */
  answeredBy: (i: number) => [string, string]
  close(): Promise<void>
}

const setups: Record<string, () => Promise<Served>> = {
  'Vercel output': async () => {
    const root = await buildPerPageApp('vercel', PAGES)
    const server = await startVercelOutputServer(`${root}/.vercel/output`)
    return {
      ...server,
      answeredBy: (i) => ['x-local-vercel', `function:_vike/pages/${i === 1 ? 'index' : `page-${i}`}`],
    }
  },
  'Node handler modules': async () => {
    const root = await buildPerPageApp('node', PAGES)
    const router = await startUnitRouter(`${root}/dist`, childEnv({ NODE_ENV: 'production' }))
    return { ...router, answeredBy: (i) => ['x-unit', `./pages_${i === 1 ? 'index' : `page-${i}`}.mjs`] }
  },
}

async function expectHydrated(page: Page) {
  await expect(page.locator('body')).toHaveAttribute('data-hydrated', 'true')
}

for (const [name, setup] of Object.entries(setups)) {
  test.describe(name, () => {
    let served: Served
    test.beforeAll(async () => {
      test.setTimeout(240_000)
      served = await setup()
    })
    test.afterAll(async () => {
      await served?.close()
    })

    test('each page is answered by its own unit, and renders and hydrates', async ({ page, request }) => {
      for (const i of pages) {
        const response = await request.get(`${served.url}${pageRoute(i)}`)
        expect(response.status()).toBe(200)
        const [header, value] = served.answeredBy(i)
        expect(response.headers()[header]).toBe(value)
        await page.goto(`${served.url}${pageRoute(i)}`)
        await expect(page.getByRole('heading', { name: `Page ${i}` })).toBeVisible()
        await expect(page.locator('#marker')).toHaveText(pageMarker(i))
        await expectHydrated(page)
      }
    })

    test('navigates on the client from unit to unit, page context included', async ({ page }) => {
      const pageContextRequests: string[] = []
      page.on('response', (response) => {
        if (response.url().endsWith('index.pageContext.json') && response.status() === 200)
          pageContextRequests.push(new URL(response.url()).pathname)
      })
      await page.goto(`${served.url}/`)
      await expectHydrated(page)
      for (const i of [2, 3, 1]) {
        await page.locator('#next').click()
        await expect(page.getByRole('heading', { name: `Page ${i}` })).toBeVisible()
        await expect(page.locator('#marker')).toHaveText(pageMarker(i))
        // The page's server-side data, fetched from its own unit.
        await expect(page.locator('#data')).toContainText(`"page":${i}`)
        expect(page.url()).toBe(`${served.url}${pageRoute(i)}`)
      }
      // No reload: the first document rendered once on hydration, then once per navigation.
      await expect(page.locator('body')).toHaveAttribute('data-client-renders', '4')
      expect(pageContextRequests).toEqual([
        '/page-2/index.pageContext.json',
        '/page-3/index.pageContext.json',
        '/index.pageContext.json',
      ])
    })
  })
}
