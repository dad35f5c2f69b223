import { describe, expect, it } from 'vitest'
import type { RoundResult } from './measure'
import { formatGoals, metricIndex, summarize } from './report'
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

const round = (variant: string, r: number, ssr: number, asset: number, cold: number): RoundResult => ({
  variant,
  round: r,
  buildMs: 1000,
  distBytes: 1000,
  distServerBytes: 100,
  coldStartMs: [cold],
  ssr: load(ssr, 1000),
  ssrFixedRate: load(300, 900),
  asset: load(asset, 100),
  loadavg: 1,
  rssBytes: 100e6,
  assetPath: '/assets/x.js',
  assetBytes: 7000,
  notes: [],
})

const selected = variants.filter((v) => ['floor', 'photon-hono', 'upstream-photon-hono'].includes(v.id))

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
})

describe('formatGoals', () => {
  it('checks the goals and names the metrics where a peer is ahead', () => {
    const results = [
      round('floor', 1, 1000, 10000, 200),
      round('photon-hono', 1, 960, 7000, 200),
      round('upstream-photon-hono', 1, 740, 7100, 400),
    ]
    expect(formatGoals(summarize(selected, results, new Map()))).toMatchInlineSnapshot(`
      "Goals for vike-photon + Hono: SSR req/s 0.96 (goal ≥ 0.95: met), asset req/s 0.70 (goal ≥ 0.8: NOT met), cold start 1.00 (goal ≤ 1.05: met).
      Behind upstream vike-photon 0.1.26 + Hono on: asset req/s."
    `)
  })

  it('says nothing without numbers for our Hono row', () => {
    expect(formatGoals(summarize(selected, [round('floor', 1, 1000, 10000, 200)], new Map()))).toBe('')
  })
})
