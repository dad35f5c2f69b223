import { describe, expect, it } from 'vitest'
import { endpointRoute } from '../src/plugin/endpoints.js'
import { pageFunctionPath, pageRouteRegex } from '../src/targets/vercel/routes.js'
import {
  checkVercelPages,
  isPrerendered,
  type PageSettingsSource,
  planVercelPages,
} from '../src/targets/vercel/settings.js'

const page = (overrides: Partial<PageSettingsSource> = {}): PageSettingsSource => ({
  pageId: '/pages/news',
  route: '/news',
  isr: { value: undefined, definedAt: null },
  edge: { value: undefined, definedAt: null },
  photonUnit: { value: undefined, definedAt: null },
  prerender: undefined,
  headersResponse: undefined,
  ...overrides,
})

describe('planVercelPages', () => {
  it("a page is pre-rendered only when Vike would pre-render it (vike-photon's own prerender object turns nothing on)", () => {
    const own = { enable: null, keepDistServer: true }
    const edge = { value: true, definedAt: '/pages/edge/+config.ts' }
    expect(planVercelPages([page({ edge, prerender: [own] })])[0]!.prerendered).toBe(false)
    expect(planVercelPages([page({ prerender: [true, own] })])[0]!.prerendered).toBe(true)
    expect(planVercelPages([page({ prerender: [false, { enable: true }] })])[0]!.prerendered).toBe(false)
    expect(planVercelPages([page({ prerender: [own, { partial: true }] })])[0]!.prerendered).toBe(true)
    expect(planVercelPages([page({ prerender: [{ enable: false }] })])[0]!.prerendered).toBe(false)
  })

  it('reads isr, edge, prerender and static headers', () => {
    const [plan] = planVercelPages([
      page({
        isr: { value: { expiration: 60 }, definedAt: '/pages/news/+config.ts' },
        headersResponse: [{ 'X-A': '1' }],
      }),
    ])
    expect(plan).toEqual({
      pageId: '/pages/news',
      route: '/news',
      isr: { expiration: 60 },
      edge: false,
      prerendered: false,
      headers: { 'x-a': '1' },
    })
  })

  it('names the page and the file when isr is a boolean or not a positive number, all at once', () => {
    expect(() =>
      planVercelPages([
        page({ isr: { value: true, definedAt: '/pages/news/+config.ts' } }),
        page({ pageId: '/pages/blog', isr: { value: { expiration: 0 }, definedAt: '/pages/blog/+config.ts' } }),
        page({ pageId: '/pages/edge', edge: { value: 'yes', definedAt: null } }),
      ]),
    ).toThrowErrorMatchingInlineSnapshot(`
      [VikePhotonError: [vike-photon] Invalid Vercel settings:
        - \`isr\` of page /pages/news (/pages/news/+config.ts) is true: ISR needs to know how long a render stays fresh. Use \`isr: { expiration: 60 }\` (seconds during which Vercel serves the cached page).
        - \`isr\` of page /pages/blog (/pages/blog/+config.ts) has \`expiration: 0\`, but it must be a positive number of seconds. Use \`isr: { expiration: 60 }\` (seconds during which Vercel serves the cached page).
        - \`edge\` of page /pages/edge must be true or false, got 'yes'.]
    `)
  })

  it('refuses isr together with edge', () => {
    expect(() =>
      planVercelPages([
        page({ isr: { value: { expiration: 5 }, definedAt: null }, edge: { value: true, definedAt: null } }),
      ]),
    ).toThrow(/sets both `isr` and `edge: true`/)
  })
})

describe('checkVercelPages: settings that one setting overrules', () => {
  const isr = { value: { expiration: 60 }, definedAt: '/pages/news/+config.ts' }

  it('a pre-rendered page keeps no isr or edge (a static file), with a warning naming the file and the fix', () => {
    const { plans, problems, warnings } = checkVercelPages([
      page({ isr, prerender: [true] }),
      page({ pageId: '/pages/edge', route: '/edge', edge: { value: true, definedAt: null }, prerender: true }),
    ])
    expect(problems).toEqual([])
    expect(plans.map(({ isr, edge, prerendered }) => ({ isr, edge, prerendered }))).toEqual([
      { isr: null, edge: false, prerendered: true },
      { isr: null, edge: false, prerendered: true },
    ])
    expect(warnings).toMatchInlineSnapshot(`
      [
        "Page /pages/news is pre-rendered (\`prerender: true\`), so it is served as static files: its \`isr\` (/pages/news/+config.ts) is ignored. To cache it with ISR instead, set \`prerender: false\` in /pages/news/+config.ts.",
        "Page /pages/edge is pre-rendered (\`prerender: true\`), so it is served as static files: its \`edge: true\` (/pages/edge/+config.ts) is ignored. To run it on the edge instead, set \`prerender: false\` in /pages/edge/+config.ts.",
      ]
    `)
  })

  it('a route-function page keeps no isr or edge (the main server function serves it), with a warning, pre-rendered or not', () => {
    const { plans, problems, warnings } = checkVercelPages([
      page({ route: null, isr, prerender: [true] }),
      page({ pageId: '/pages/fn', route: null, edge: { value: true, definedAt: '/pages/fn/+config.ts' } }),
    ])
    expect(problems).toEqual([])
    expect(plans.map(({ isr, edge }) => ({ isr, edge }))).toEqual([
      { isr: null, edge: false },
      { isr: null, edge: false },
    ])
    expect(warnings).toMatchInlineSnapshot(`
      [
        "Page /pages/news sets \`isr\` (/pages/news/+config.ts) but its route is a route function, which only Vike can match at request time: the page is served by the main server function (not cached by ISR), apart from the URLs it pre-renders (static files). To deploy it as its own function, give it a route string (or filesystem routing).",
        "Page /pages/fn sets \`edge: true\` (/pages/fn/+config.ts) but its route is a route function, which only Vike can match at request time: the page is served by the main server function (not on the edge). To deploy it as its own function, give it a route string (or filesystem routing).",
      ]
    `)
  })

  it('invalid values stay errors on a pre-rendered page, and a page without contradictions warns nothing', () => {
    const invalid = checkVercelPages([page({ isr: { value: true, definedAt: null }, prerender: true })])
    expect(invalid.problems).toHaveLength(1)
    expect(invalid.warnings).toEqual([])
    const both = checkVercelPages([page({ isr, edge: { value: true, definedAt: null }, prerender: true })])
    expect(both.problems).toEqual([expect.stringContaining('sets both `isr` and `edge: true`')])
    const fine = checkVercelPages([page({ isr })])
    expect(fine).toMatchObject({ problems: [], warnings: [], plans: [{ isr: { expiration: 60 } }] })
  })
})

describe('routes', () => {
  it('matches a page and its page-context request', () => {
    const regex = new RegExp(`^${pageRouteRegex('/movies/:id')}$`)
    expect(regex.test('/movies/42')).toBe(true)
    expect(regex.test('/movies/42/index.pageContext.json')).toBe(true)
    expect(regex.test('/movies')).toBe(false)
    expect(new RegExp(`^${pageRouteRegex('/')}$`).test('/index.pageContext.json')).toBe(true)
  })

  it('places page functions under _vike/ and routes endpoints by file path', () => {
    expect(pageFunctionPath('/pages/isr')).toBe('_vike/pages/isr')
    expect(endpointRoute('api/hello')).toBe('/api/hello')
    expect(endpointRoute('api/users/[id]')).toBe('/api/users/:id')
    expect(endpointRoute('api/files/[...path]')).toBe('/api/files/**:path')
    expect(endpointRoute('api/index')).toBe('/api')
  })
})

describe('isPrerendered', () => {
  it("follows Vike: the first value that is not `{ enable: null }` decides (vike-photon's own keepDistServer is one)", () => {
    const ours = { enable: null, keepDistServer: true }
    expect(isPrerendered([ours])).toBe(false)
    expect(isPrerendered(undefined)).toBe(false)
    expect(isPrerendered([true, ours])).toBe(true)
    expect(isPrerendered([false, ours])).toBe(false)
    expect(isPrerendered([{ partial: true }, ours])).toBe(true)
    expect(isPrerendered([{ enable: false }, ours])).toBe(false)
    expect(isPrerendered(true)).toBe(true)
  })
})
