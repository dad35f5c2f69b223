// Turning rounds into the table: medians per variant, ratios to the floor.
import type { RoundResult } from './measure'
import { type Better, formatBytes, formatNumber, formatRatio, formatTable, median, meetsGoal, ratio } from './stats'
import { goals, type Variant } from './variants'

export interface Metric {
  header: string
  better: Better
  /** One value per round (cold start: several). */
  values(round: RoundResult): (number | undefined)[]
  format(value: number | undefined): string
  /** The floor's values the ratio is taken against, when not this metric's own (default: `values`). */
  base?(round: RoundResult): (number | undefined)[]
}

const ms = (v: number | undefined) => (v === undefined ? '–' : `${formatNumber(v)} ms`)
const us = (v: number | undefined) => (v === undefined ? '–' : `${formatNumber(v)} µs`)
const seconds = (v: number | undefined) => (v === undefined ? '–' : `${formatNumber(v / 1000, 2)} s`)

export const metrics: readonly Metric[] = [
  { header: 'SSR req/s', better: 'higher', values: (r) => [r.ssr.rps], format: (v) => formatNumber(v) },
  { header: 'SSR p99', better: 'lower', values: (r) => [r.ssr.p99], format: ms },
  {
    // Against the floor's SSR *without* Accept-Encoding: the floor never compresses.
    header: 'SSR req/s, browser Accept-Encoding',
    better: 'higher',
    values: (r) => [r.ssrBrowser?.rps],
    format: (v) => formatNumber(v),
    base: (r) => [r.ssr.rps],
  },
  { header: 'asset req/s', better: 'higher', values: (r) => [r.asset.rps], format: (v) => formatNumber(v) },
  {
    header: 'SSR CPU/req @fixed rate',
    better: 'lower',
    values: (r) => [r.ssrFixedRate.cpuUsPerRequest],
    format: us,
  },
  {
    header: 'SSR CPU/req @fixed rate, browser A-E',
    better: 'lower',
    values: (r) => [r.ssrBrowserFixedRate?.cpuUsPerRequest],
    format: us,
    base: (r) => [r.ssrFixedRate.cpuUsPerRequest],
  },
  { header: 'SSR bytes, browser A-E', better: 'lower', values: (r) => [r.ssrBrowserBytes], format: formatBytes },
  { header: 'asset CPU/req', better: 'lower', values: (r) => [r.asset.cpuUsPerRequest], format: us },
  { header: 'cold start', better: 'lower', values: (r) => r.coldStartMs, format: ms },
  { header: 'RSS after load', better: 'lower', values: (r) => [r.rssBytes], format: formatBytes },
  { header: 'vike build', better: 'lower', values: (r) => [r.buildMs], format: seconds },
  { header: 'dist/', better: 'lower', values: (r) => [r.distBytes], format: formatBytes },
  { header: 'dist/server/', better: 'lower', values: (r) => [r.distServerBytes], format: formatBytes },
]

export interface Summary {
  variant: Variant
  /** Median of each metric, in the order of `metrics`. */
  medians: (number | undefined)[]
  ratios: (number | undefined)[]
  rounds: number
  /** Why the variant has no numbers (not runnable yet, failed). */
  missing?: string
}

export function summarize(
  variants: readonly Variant[],
  results: readonly RoundResult[],
  missing: ReadonlyMap<string, string>,
): Summary[] {
  const mediansOf = (id: string, of: (m: Metric) => Metric['values'] = (m) => m.values) => {
    const rounds = results.filter((r) => r.variant === id)
    return metrics.map((m) => median(rounds.flatMap((r) => of(m)(r)).filter((v): v is number => v !== undefined)))
  }
  const floor = variants.find((v) => v.role === 'floor')
  const floorMedians = floor ? mediansOf(floor.id, (m) => m.base ?? m.values) : metrics.map(() => undefined)
  return variants.map((variant) => {
    const medians = mediansOf(variant.id)
    return {
      variant,
      medians,
      ratios: medians.map((v, i) => ratio(v, floorMedians[i])),
      rounds: results.filter((r) => r.variant === variant.id).length,
      missing: missing.get(variant.id),
    }
  })
}

/** The table: one row per variant, each cell "median (ratio to the floor)". */
export function formatSummary(summaries: readonly Summary[]): string {
  const headers = ['variant', ...metrics.map((m) => m.header)]
  const rows = summaries.map((s) => {
    if (s.rounds === 0) return [s.variant.label, ...metrics.map(() => '–')]
    return [s.variant.label, ...metrics.map((m, i) => `${m.format(s.medians[i])} (${formatRatio(s.ratios[i])})`)]
  })
  return formatTable(headers, rows)
}

/** The position of a metric in `metrics`, by header. */
export function metricIndex(header: string): number {
  const i = metrics.findIndex((m) => m.header === header)
  if (i === -1) throw new Error(`no metric named "${header}"`)
  return i
}

/**
 * The goals for our Hono row: ratios to the floor, and being ahead of upstream vike-photon and vike-server
 * on every metric. Empty when our Hono row has no numbers.
 */
export function formatGoals(summaries: readonly Summary[]): string {
  const ours = summaries.find((s) => s.variant.id === 'photon-hono')
  if (!ours || ours.rounds === 0) return ''
  const verdict = (header: string, goal: number) => {
    const i = metricIndex(header)
    const better = metrics[i]!.better
    const r = ours.ratios[i]
    return `${header} ${formatRatio(r)} (goal ${better === 'higher' ? '≥' : '≤'} ${goal}: ${meetsGoal(r, goal, better) ? 'met' : 'NOT met'})`
  }
  const lines = [
    `Goals for ${ours.variant.label}: ${verdict('SSR req/s', goals.ssrRps)}, ${verdict('SSR req/s, browser Accept-Encoding', goals.ssrBrowserRps)}, ${verdict('asset req/s', goals.assetRps)}, ${verdict('cold start', goals.coldStart)}.`,
  ]
  const ssr = metricIndex('SSR req/s')
  const builtin = summaries.find((s) => s.variant.id === 'photon-builtin' && s.rounds > 0)
  if (builtin) {
    lines.push(
      `Goals for ${builtin.variant.label}: SSR req/s ${formatRatio(builtin.ratios[ssr])} (goal ≥ ${goals.ssrRps}: ${meetsGoal(builtin.ratios[ssr], goals.ssrRps, 'higher') ? 'met' : 'NOT met'}).`,
    )
  }
  const express = summaries.find((s) => s.variant.id === 'photon-express' && s.rounds > 0)
  const expressFloor = summaries.find((s) => s.variant.id === 'express-floor' && s.rounds > 0)
  if (express) {
    const own = ratio(express.medians[ssr], expressFloor?.medians[ssr])
    lines.push(
      `Goals for ${express.variant.label}: SSR req/s ${formatRatio(express.ratios[ssr])} (goal ≥ ${goals.expressSsrRps}: ${meetsGoal(express.ratios[ssr], goals.expressSsrRps, 'higher') ? 'met' : 'NOT met'})` +
        (expressFloor ? `; ${formatRatio(own)} of Express's own floor (bare Express + renderPage).` : '.'),
    )
  }
  for (const peer of summaries.filter((s) => s.variant.role === 'peer' && s.rounds > 0)) {
    const behind = metrics
      .map((m, i) => ({ m, o: ours.medians[i], p: peer.medians[i] }))
      .filter(({ m, o, p }) => o !== undefined && p !== undefined && (m.better === 'higher' ? o < p : o > p))
      .map(({ m }) => m.header)
    lines.push(
      behind.length === 0
        ? `Ahead of ${peer.variant.label} on every metric.`
        : `Behind ${peer.variant.label} on: ${behind.join(', ')}.`,
    )
  }
  return lines.join('\n')
}
