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
}

const ms = (v: number | undefined) => (v === undefined ? '–' : `${formatNumber(v)} ms`)
const us = (v: number | undefined) => (v === undefined ? '–' : `${formatNumber(v)} µs`)
const seconds = (v: number | undefined) => (v === undefined ? '–' : `${formatNumber(v / 1000, 2)} s`)

export const metrics: readonly Metric[] = [
  { header: 'SSR req/s', better: 'higher', values: (r) => [r.ssr.rps], format: (v) => formatNumber(v) },
  { header: 'SSR p99', better: 'lower', values: (r) => [r.ssr.p99], format: ms },
  { header: 'asset req/s', better: 'higher', values: (r) => [r.asset.rps], format: (v) => formatNumber(v) },
  {
    header: 'SSR CPU/req @fixed rate',
    better: 'lower',
    values: (r) => [r.ssrFixedRate.cpuUsPerRequest],
    format: us,
  },
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
  const mediansOf = (id: string) => {
    const rounds = results.filter((r) => r.variant === id)
    return metrics.map((m) => median(rounds.flatMap((r) => m.values(r)).filter((v): v is number => v !== undefined)))
  }
  const floor = variants.find((v) => v.role === 'floor')
  const floorMedians = floor ? mediansOf(floor.id) : metrics.map(() => undefined)
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
    `Goals for ${ours.variant.label}: ${verdict('SSR req/s', goals.ssrRps)}, ${verdict('asset req/s', goals.assetRps)}, ${verdict('cold start', goals.coldStart)}.`,
  ]
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
