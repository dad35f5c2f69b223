import { describe, expect, it } from 'vitest'
import type { RoundResult } from './measure'
import { mergeWindows } from './paired'
import { formatGoals, formatPairingCheck, metricIndex, summarize } from './report'
import { variants } from './variants'

const load = (rps: number, cpu: number) => ({
  rps,
  requests: rps * 10,
  p50: 10,
  p99: 20,
  non2xx: 0,
  errors: 0,
  timeouts: 0,
  cpuUsPerRequest: cpu,
})

const round = (
  variant: string,
  r: number,
  ssr: number,
  asset: number,
  cold: number,
  browser = ssr * 0.9,
): RoundResult => ({
  variant,
  round: r,
  buildMs: 1000,
  buildCpuMs: 1500,
  distBytes: 1000,
  distServerBytes: 100,
  coldStartMs: [cold],
  ssr: load(ssr, 1000),
  ssrFixedRate: load(300, 900),
  ssrBrowser: load(browser, 1100),
  ssrBrowserFixedRate: load(300, 1000),
  ssrBrowserBytes: 600,
  ssrBrowserEncoding: 'br',
  asset: load(asset, 100),
  loadavg: 1,
  rssBytes: 100e6,
  assetPath: '/assets/x.js',
  assetBytes: 7000,
  notes: [],
})

const selected = variants.filter((v) => ['floor', 'photon-hono', 'upstream-photon-hono'].includes(v.id))
const withExpress = variants.filter((v) => ['floor', 'photon-hono', 'photon-express', 'express-floor'].includes(v.id))

describe('summarize', () => {
  it('takes medians over rounds and ratios to the floor', () => {
    const results = [
      round('floor', 1, 1000, 10000, 200),
      round('floor', 2, 900, 9000, 210),
      round('floor', 3, 1100, 11000, 190),
      round('photon-hono', 1, 950, 9000, 205),
      round('photon-hono', 2, 990, 8000, 200),
      round('photon-hono', 3, 10, 8500, 210),
    ]
    const [floor, ours, upstream] = summarize(selected, results, new Map([['upstream-photon-hono', 'not runnable']]))
    const ssr = metricIndex('SSR req/s')
    expect(floor?.medians[ssr]).toBe(1000)
    expect(ours?.medians[ssr]).toBe(950)
    expect(ours?.ratios[ssr]).toBe(0.95)
    expect(ours?.ratios[metricIndex('cold start')]).toBeCloseTo(1.025)
    expect(upstream?.rounds).toBe(0)
    expect(upstream?.missing).toBe('not runnable')
  })

  it("takes the build ratios from order-balanced pairs, and counts the floor's side of every pair", () => {
    const pair = (floor: number, variant: number) => ({
      floor: { wallMs: floor, cpuMs: floor * 2 },
      variant: { wallMs: variant, cpuMs: variant * 3 },
    })
    const results = [
      { ...round('floor', 1, 1000, 10000, 200), buildMs: 2000 },
      // A busy machine slows both builds of a pair alike: per pair, the variant takes 1.1x, 1.2x and 1.5x.
      { ...round('photon-hono', 1, 950, 9000, 205), buildPairs: [pair(1000, 1100), pair(4000, 4800)] },
      { ...round('photon-hono', 2, 950, 9000, 205), buildPairs: [pair(2000, 3000)] },
    ]
    const [floor, ours] = summarize(selected, results, new Map())
    const [wall, cpu] = [metricIndex('vike build'), metricIndex('vike build CPU')]
    expect(ours?.medians[wall]).toBe(3000)
    // Round 1's two pairs (floor first, then variant first) make one couple: sqrt(1.1 * 1.2); round 2's lone pair 1.5.
    expect(ours?.ratios[wall]).toBeCloseTo((Math.sqrt(1.1 * 1.2) + 1.5) / 2)
    expect(ours?.ratios[cpu]).toBeCloseTo((Math.sqrt(1.65 * 1.8) + 2.25) / 2)
    // The floor's own build (2000) and its side of the three pairs (1000, 4000, 2000).
    expect(floor?.medians[wall]).toBe(2000)
    expect(floor?.ratios[wall]).toBe(1)
  })

  it('cancels the slower first build of a pair: the same builds in the other order give the same ratio', () => {
    const pair = (floor: number, variant: number) => ({
      floor: { wallMs: floor, cpuMs: floor },
      variant: { wallMs: variant, cpuMs: variant },
    })
    // The variant builds exactly as fast as the floor, but whichever builds first in a pair takes twice as long:
    // floor first (2000, then the variant 1000), then variant first (2000, then the floor 1000).
    const results = [
      { ...round('floor', 1, 1000, 10000, 200), buildMs: 1000 },
      { ...round('photon-hono', 1, 950, 9000, 205), buildPairs: [pair(2000, 1000), pair(1000, 2000)] },
    ]
    const [, ours] = summarize(selected, results, new Map())
    // The median of the raw per-pair ratios (0.5 and 2) would say 1.25.
    expect(ours?.ratios[metricIndex('vike build')]).toBeCloseTo(1)
  })

  it("takes the browser Accept-Encoding ratios against the floor's run with the same header, not its plain run", () => {
    // The floor ignores Accept-Encoding: its browser run is its uncompressed SSR, later in its life than the plain run.
    const floor = round('floor', 1, 800, 10000, 200, 1000)
    floor.ssrBrowserFixedRate = load(300, 800)
    const results = [floor, round('photon-hono', 1, 950, 9000, 205, 920)]
    const [floorRow, ours] = summarize(selected, results, new Map())
    const browserRps = metricIndex('SSR req/s, browser Accept-Encoding')
    const browserCpu = metricIndex('SSR CPU/req @fixed rate, browser A-E')
    expect(floorRow?.medians[browserRps]).toBe(1000)
    expect(ours?.ratios[browserRps]).toBe(0.92)
    expect(ours?.ratios[browserCpu]).toBeCloseTo(1000 / 800)
  })
})

describe('SSR in pairs with the floor', () => {
  // One window each: the floor's copy at `floor` req/s, the variant at `variant`, CPU per request likewise.
  const window = (floor: number, variant: number, floorCpu = 1000, variantCpu = 1000) => ({
    floor: load(floor, floorCpu),
    variant: load(variant, variantCpu),
  })

  it("takes the SSR ratios from the pairs, not from runs minutes apart, and the floor's row stays 1", () => {
    const floor = { ...round('floor', 1, 1000, 10000, 200), ssrPairs: [window(1000, 1050), window(900, 900)] }
    // The variant's merged windows (600 req/s) against the floor's own run (1000) would say 0.60; per pair (each
    // with the floor's windows on both sides, balanced as measured), the machine slowed both alike: 0.96 then 1.04.
    const ours = {
      ...round('photon-hono', 1, 600, 9000, 205, 500),
      ssrPairs: [window(700, 672, 1000, 1100), window(500, 520, 1000, 1150)],
      ssrBrowserPairs: [window(650, 585), window(600, 540)],
    }
    const [floorRow, oursRow] = summarize(selected, [floor, ours], new Map())
    const [ssr, browser] = [metricIndex('SSR req/s'), metricIndex('SSR req/s, browser Accept-Encoding')]
    expect(oursRow?.ratios[ssr]).toBeCloseTo(1)
    expect(oursRow?.ratios[browser]).toBeCloseTo(0.9)
    expect(oursRow?.pairedCpu?.[0]).toBeCloseTo(1.125)
    expect(floorRow?.ratios[ssr]).toBe(1)
    // The floor's row: its own run (1000) and its copy's side of every pair (1000, 900, 700, 500).
    expect(floorRow?.medians[ssr]).toBe(900)
  })

  it('says how far the floor against its copy is from 1, and how far single pairs spread', () => {
    const floor = {
      ...round('floor', 1, 1000, 10000, 200),
      ssrPairs: [window(1000, 1100), window(1000, 1000)],
      ssrBrowserPairs: [window(800, 760), window(800, 800)],
    }
    expect(formatPairingCheck([floor])).toBe(
      "The floor against its copy, in the same pairs (should be 1.00): SSR req/s 1.05, with a browser's Accept-Encoding 0.97; single pairs from 0.95 to 1.10.",
    )
    expect(formatPairingCheck([round('floor', 1, 1000, 10000, 200)])).toBe('')
  })

  it('gives the paired CPU per request next to the SSR goals', () => {
    const results = [
      round('floor', 1, 1000, 10000, 200),
      { ...round('photon-hono', 1, 960, 7000, 200), ssrPairs: [window(1000, 960, 1000, 1080)] },
    ]
    expect(formatGoals(summarize(selected, results, new Map())).split('\n')[0]).toContain(
      "SSR req/s 0.96 (goal ≥ 0.95: met, CPU/req 1.08 of the floor's in the same windows)",
    )
  })
})

describe('mergeWindows', () => {
  it('adds requests over time, weighs CPU per request by requests and takes the middle p99', () => {
    const merged = mergeWindows([
      { ...load(1000, 900), p99: 30 },
      { ...load(500, 1200), p99: 10 },
      { ...load(500, 1200), p99: 20 },
    ])
    // 10,000 + 5,000 + 5,000 requests in 30 s.
    expect(merged.rps).toBeCloseTo(20000 / 30)
    expect(merged.requests).toBe(20000)
    expect(merged.cpuUsPerRequest).toBeCloseTo((10000 * 900 + 10000 * 1200) / 20000)
    expect(merged.p99).toBe(20)
  })
})

describe('formatGoals', () => {
  it('checks the goals and names the metrics where a peer is ahead', () => {
    const results = [
      round('floor', 1, 1000, 10000, 200),
      round('photon-hono', 1, 960, 7000, 200),
      round('upstream-photon-hono', 1, 740, 7100, 400),
    ]
    expect(formatGoals(summarize(selected, results, new Map()))).toMatchInlineSnapshot(`
      "Goals for vike-photon + Hono: SSR req/s 0.96 (goal ≥ 0.95: met), SSR req/s, browser Accept-Encoding 0.96 (goal ≥ 0.9: met), asset req/s 0.70 (goal ≥ 0.8: NOT met), cold start 1.00 (goal ≤ 1.05: met).
      Goal vike build ≤ 1.1× the floor (wall / CPU, median of order-balanced pairs): vike-photon + Hono 1.00 / 1.00 (met).
      Behind upstream vike-photon 0.1.26 + Hono on: asset req/s."
    `)
  })

  it("gives Express's ratio to the floor and to Express's own floor", () => {
    const results = [
      round('floor', 1, 1000, 10000, 200, 1000),
      round('photon-hono', 1, 960, 7000, 200, 950),
      round('photon-express', 1, 800, 7000, 200),
      round('express-floor', 1, 900, 7000, 200),
    ]
    expect(formatGoals(summarize(withExpress, results, new Map())).split('\n')[1]).toBe(
      "Goals for vike-photon + Express: SSR req/s 0.80 (goal ≥ 0.85: NOT met), SSR req/s, browser Accept-Encoding 0.72 (goal ≥ 0.9: NOT met); 0.89 of Express's own floor (bare Express + renderPage).",
    )
  })

  it("gives the built-in server's plain and browser Accept-Encoding goals", () => {
    const withBuiltin = variants.filter((v) => ['floor', 'photon-hono', 'photon-builtin'].includes(v.id))
    const results = [
      round('floor', 1, 1000, 10000, 200, 1000),
      round('photon-hono', 1, 960, 7000, 200, 950),
      round('photon-builtin', 1, 970, 7000, 200, 880),
    ]
    expect(formatGoals(summarize(withBuiltin, results, new Map())).split('\n')[1]).toBe(
      'Goals for vike-photon, built-in server: SSR req/s 0.97 (goal ≥ 0.95: met), SSR req/s, browser Accept-Encoding 0.88 (goal ≥ 0.9: NOT met).',
    )
  })

  it('says nothing without numbers for our Hono row', () => {
    expect(formatGoals(summarize(selected, [round('floor', 1, 1000, 10000, 200)], new Map()))).toBe('')
  })
})
