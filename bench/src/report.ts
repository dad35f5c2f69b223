// Turning rounds into the table: medians per variant, ratios to the floor.
import type { Measured, RoundResult } from './measure'
import type { WindowPair } from './paired'
import { type Better, formatBytes, formatNumber, formatRatio, formatTable, median, meetsGoal, ratio } from './stats'
import { goals, type Variant } from './variants'

export interface Metric {
  header: string
  better: Better
  /** One value per round (cold start: several). */
  values(round: RoundResult): (number | undefined)[]
  format(value: number | undefined): string
  /**
   * Values measured in pairs with the floor's (builds; SSR at full load, with a copy of the floor's server): the
   * ratio is then the median over the pairs (builds: over order-balanced couples, see `orderBalancedRatios`), and
   * the floor's row also counts the floor's side of every pair. Rounds without pairs fall back to `values`.
   */
  pairs?(round: RoundResult): { value: number | undefined; floor: number | undefined }[]
  /** The pairs are balanced as measured (SSR windows: the floor's on both sides, paired.ts): ratios as they are. */
  pairsBalanced?: boolean
}

const ms = (v: number | undefined) => (v === undefined ? '–' : `${formatNumber(v)} ms`)
const us = (v: number | undefined) => (v === undefined ? '–' : `${formatNumber(v)} µs`)
const seconds = (v: number | undefined) => (v === undefined ? '–' : `${formatNumber(v / 1000, 2)} s`)

/** SSR windows at full load next to the floor's copy's (paired.ts), as `Metric.pairs`. */
const ssrPairs =
  (of: (r: RoundResult) => WindowPair[] | undefined, value: (m: Measured) => number | undefined) => (r: RoundResult) =>
    (of(r) ?? []).map((p) => ({ value: value(p.variant), floor: value(p.floor) }))

export const metrics: readonly Metric[] = [
  {
    header: 'SSR req/s',
    better: 'higher',
    values: (r) => [r.ssr.rps],
    pairs: ssrPairs(
      (r) => r.ssrPairs,
      (m) => m.rps,
    ),
    format: (v) => formatNumber(v),
  },
  { header: 'SSR p99', better: 'lower', values: (r) => [r.ssr.p99], format: ms },
  {
    // Against the floor's own run with the same header, which it ignores: its uncompressed SSR, measured at the same
    // point of each server's life as the variants' (after the plain runs). Its plain run comes earlier, while V8
    // still optimizes (see "Reading the numbers" in the README), and served 12 to 33% less in a 2026-12-04 run:
    // taken against it, these ratios came out that much too high.
    header: 'SSR req/s, browser Accept-Encoding',
    better: 'higher',
    values: (r) => [r.ssrBrowser?.rps],
    pairs: ssrPairs(
      (r) => r.ssrBrowserPairs,
      (m) => m.rps,
    ),
    format: (v) => formatNumber(v),
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
    // Against the floor's own runs with the same header, as above.
    values: (r) => [r.ssrBrowserFixedRate?.cpuUsPerRequest],
    format: us,
  },
  { header: 'SSR bytes, browser A-E', better: 'lower', values: (r) => [r.ssrBrowserBytes], format: formatBytes },
  { header: 'asset CPU/req', better: 'lower', values: (r) => [r.asset.cpuUsPerRequest], format: us },
  { header: 'cold start', better: 'lower', values: (r) => r.coldStartMs, format: ms },
  { header: 'RSS after load', better: 'lower', values: (r) => [r.rssBytes], format: formatBytes },
  {
    header: 'vike build',
    better: 'lower',
    values: (r) => (r.buildPairs?.length ? r.buildPairs.map((p) => p.variant.wallMs) : [r.buildMs]),
    pairs: (r) => (r.buildPairs ?? []).map((p) => ({ value: p.variant.wallMs, floor: p.floor.wallMs })),
    format: seconds,
  },
  {
    // User + system time of the build's process tree: less sensitive than wall time to other work on the machine.
    header: 'vike build CPU',
    better: 'lower',
    values: (r) => (r.buildPairs?.length ? r.buildPairs.map((p) => p.variant.cpuMs) : [r.buildCpuMs]),
    pairs: (r) => (r.buildPairs ?? []).map((p) => ({ value: p.variant.cpuMs, floor: p.floor.cpuMs })),
    format: seconds,
  },
  { header: 'dist/', better: 'lower', values: (r) => [r.distBytes], format: formatBytes },
  { header: 'dist/server/', better: 'lower', values: (r) => [r.distServerBytes], format: formatBytes },
]

export interface Summary {
  variant: Variant
  /** Median of each metric, in the order of `metrics`. */
  medians: (number | undefined)[]
  ratios: (number | undefined)[]
  /**
   * CPU per request in the paired SSR windows, to the floor's copy's in the same windows (plain, browser
   * Accept-Encoding): a variant faster than the floor on less CPU work is a pair that drew the machine's luck.
   */
  pairedCpu?: [number | undefined, number | undefined]
  rounds: number
  /** Why the variant has no numbers (not runnable yet, failed). */
  missing?: string
}

export function summarize(
  variants: readonly Variant[],
  results: readonly RoundResult[],
  missing: ReadonlyMap<string, string>,
): Summary[] {
  const known = (values: (number | undefined)[]) => values.filter((v): v is number => v !== undefined)
  const roundsOf = (id: string) => results.filter((r) => r.variant === id)
  const floor = variants.find((v) => v.role === 'floor')
  // The floor's row: its own rounds, plus its side of every pair measured with another variant.
  const floorMedians = metrics.map((m) => {
    const own = roundsOf(floor?.id ?? '').flatMap((r) => m.values(r))
    const paired = m.pairs ? results.flatMap((r) => m.pairs!(r).map((p) => p.floor)) : []
    return median(known([...own, ...paired]))
  })
  return variants.map((variant) => {
    const rounds = roundsOf(variant.id)
    const medians = metrics.map((m, i) =>
      variant.id === floor?.id ? floorMedians[i] : median(known(rounds.flatMap((r) => m.values(r)))),
    )
    const ratios = metrics.map((m, i) => {
      // The floor's own SSR pairs (against its copy) are a check of the pairing, not its ratio: see `formatPairingCheck`.
      if (variant.id === floor?.id) return ratio(medians[i], floorMedians[i])
      const balance = m.pairsBalanced ? (ratios: (number | undefined)[]) => ratios : orderBalancedRatios
      const pairRatios = known(rounds.flatMap((r) => balance((m.pairs?.(r) ?? []).map((p) => ratio(p.value, p.floor)))))
      return pairRatios.length > 0 ? median(pairRatios) : ratio(medians[i], floorMedians[i])
    })
    const pairedCpu = [(r: RoundResult) => r.ssrPairs, (r: RoundResult) => r.ssrBrowserPairs].map((of) =>
      pairedRatio(
        rounds,
        ssrPairs(of, (m) => m.cpuUsPerRequest),
      ),
    ) as [number | undefined, number | undefined]
    return { variant, medians, ratios, pairedCpu, rounds: rounds.length, missing: missing.get(variant.id) }
  })
}

/** The median of the per-pair ratios of some rounds' SSR windows, or undefined without pairs. */
function pairedRatio(
  rounds: readonly RoundResult[],
  pairs: (r: RoundResult) => { value: number | undefined; floor: number | undefined }[],
): number | undefined {
  const ratios = rounds.flatMap((r) => pairs(r).map((p) => ratio(p.value, p.floor)))
  return median(ratios.filter((v): v is number => v !== undefined))
}

/**
 * The floor against its own copy in the same pairs, req/s plain and with a browser's Accept-Encoding: 1.00 if
 * pairing cancelled all of the machine's noise; how far it is from 1 is how far any paired ratio can be trusted.
 */
export function formatPairingCheck(results: readonly RoundResult[]): string {
  const own = results.filter((r) => r.variant === 'floor')
  const plain = pairedRatio(
    own,
    ssrPairs(
      (r) => r.ssrPairs,
      (m) => m.rps,
    ),
  )
  const browser = pairedRatio(
    own,
    ssrPairs(
      (r) => r.ssrBrowserPairs,
      (m) => m.rps,
    ),
  )
  if (plain === undefined && browser === undefined) return ''
  const spread = own
    .flatMap((r) => [...(r.ssrPairs ?? []), ...(r.ssrBrowserPairs ?? [])])
    .map((p) => ratio(p.variant.rps, p.floor.rps))
    .filter((v): v is number => v !== undefined)
  return (
    `The floor against its copy, in the same pairs (should be 1.00): SSR req/s ${formatRatio(plain)}, with a browser's Accept-Encoding ${formatRatio(browser)}` +
    (spread.length > 0
      ? `; single pairs from ${formatRatio(Math.min(...spread))} to ${formatRatio(Math.max(...spread))}.`
      : '.')
  )
}

/**
 * The per-pair ratios of one round, two by two: `measureBuildPairs` builds the floor first in even pairs and the
 * variant first in odd ones, and on this machine the first build of a pair is often the slower (ratios such as 0.73
 * then 2.20 for one variant in one round). The geometric mean of an even pair and the odd pair after it cancels that
 * order effect; an unmatched last pair stays as it is.
 */
export function orderBalancedRatios(ratios: (number | undefined)[]): (number | undefined)[] {
  const balanced: (number | undefined)[] = []
  for (let i = 0; i < ratios.length; i += 2) {
    const [first, second] = [ratios[i], ratios[i + 1]]
    if (i + 1 >= ratios.length) balanced.push(first)
    else balanced.push(first === undefined || second === undefined ? undefined : Math.sqrt(first * second))
  }
  return balanced
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
  const [ssrHeader, browserHeader] = ['SSR req/s', 'SSR req/s, browser Accept-Encoding']
  // "SSR req/s 0.97 (goal ≥ 0.95: met)": one goal of one row.
  const verdict = (row: Summary, header: string, goal: number) => {
    const i = metricIndex(header)
    const better = metrics[i]!.better
    const r = row.ratios[i]
    const cpu = row.pairedCpu?.[header === browserHeader ? 1 : 0]
    const paired = cpu === undefined ? '' : `, CPU/req ${formatRatio(cpu)} of the floor's in the same windows`
    return `${header} ${formatRatio(r)} (goal ${better === 'higher' ? '≥' : '≤'} ${goal}: ${meetsGoal(r, goal, better) ? 'met' : 'NOT met'}${header === ssrHeader || header === browserHeader ? paired : ''})`
  }
  const lines = [
    `Goals for ${ours.variant.label}: ${verdict(ours, ssrHeader, goals.ssrRps)}, ${verdict(ours, browserHeader, goals.ssrBrowserRps)}, ${verdict(ours, 'asset req/s', goals.assetRps)}, ${verdict(ours, 'cold start', goals.coldStart)}.`,
  ]
  const ssr = metricIndex(ssrHeader)
  const builtin = summaries.find((s) => s.variant.id === 'photon-builtin' && s.rounds > 0)
  if (builtin) {
    lines.push(
      `Goals for ${builtin.variant.label}: ${verdict(builtin, ssrHeader, goals.ssrRps)}, ${verdict(builtin, browserHeader, goals.ssrBrowserRps)}.`,
    )
  }
  const express = summaries.find((s) => s.variant.id === 'photon-express' && s.rounds > 0)
  const expressFloor = summaries.find((s) => s.variant.id === 'express-floor' && s.rounds > 0)
  if (express) {
    // Both against the floor (paired, when measured so): their quotient is Express's own overhead taken out.
    const own = ratio(express.ratios[ssr], expressFloor?.ratios[ssr])
    lines.push(
      `Goals for ${express.variant.label}: ${verdict(express, ssrHeader, goals.expressSsrRps)}, ${verdict(express, browserHeader, goals.ssrBrowserRps)}` +
        (expressFloor ? `; ${formatRatio(own)} of Express's own floor (bare Express + renderPage).` : '.'),
    )
  }
  const [wall, cpu] = [metricIndex('vike build'), metricIndex('vike build CPU')]
  const builds = summaries
    .filter((s) => s.variant.role === 'ours' && s.rounds > 0)
    .map((s) => {
      const met = meetsGoal(s.ratios[wall], goals.build, 'lower') && meetsGoal(s.ratios[cpu], goals.build, 'lower')
      return `${s.variant.label} ${formatRatio(s.ratios[wall])} / ${formatRatio(s.ratios[cpu])} (${met ? 'met' : 'NOT met'})`
    })
  lines.push(
    `Goal vike build ≤ ${goals.build}× the floor (wall / CPU, median of order-balanced pairs): ${builds.join(', ')}.`,
  )
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
