// Small, pure helpers for the numbers the bench prints. Unit-tested in stats.test.ts.

/** The middle value (mean of the two middle values for an even count); `undefined` for no values. */
export function median(values: readonly number[]): number | undefined {
  return percentile(values, 50)
}

/**
 * The p-th percentile (0–100) with linear interpolation between closest ranks (the "R-7" method used by NumPy and
 * spreadsheets). Non-finite values are ignored; `undefined` when nothing is left.
 */
export function percentile(values: readonly number[], p: number): number | undefined {
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile: p must be within 0..100, got ${p}`)
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b)
  if (sorted.length === 0) return undefined
  const rank = (p / 100) * (sorted.length - 1)
  const lower = Math.floor(rank)
  const upper = Math.ceil(rank)
  const lo = sorted[lower]!
  const hi = sorted[upper]!
  return lo + (hi - lo) * (rank - lower)
}

/** `value / floor`, or `undefined` when either is missing or the floor is not a positive number. */
export function ratio(value: number | undefined, floor: number | undefined): number | undefined {
  if (value === undefined || floor === undefined || !Number.isFinite(value) || !Number.isFinite(floor)) return
  if (floor <= 0) return
  return value / floor
}

/** Which way is better for a metric: used to mark goals and to explain ratios. */
export type Better = 'higher' | 'lower'

/** Whether `r` (a ratio to the floor) meets `goal`, read in the metric's direction. */
export function meetsGoal(r: number | undefined, goal: number, better: Better): boolean | undefined {
  if (r === undefined) return
  return better === 'higher' ? r >= goal : r <= goal
}

/** Formats a number with a fixed number of significant-looking decimals and thousands separators. */
export function formatNumber(value: number | undefined, decimals = 0): string {
  if (value === undefined || !Number.isFinite(value)) return '–'
  return value.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals })
}

/** Formats a byte count in binary units (B, KiB, MiB). */
export function formatBytes(bytes: number | undefined): string {
  if (bytes === undefined || !Number.isFinite(bytes)) return '–'
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`
}

/** A ratio as the bench prints it: two decimals, `–` when unknown. */
export function formatRatio(r: number | undefined): string {
  return r === undefined ? '–' : r.toFixed(2)
}

export type Align = 'left' | 'right'

/**
 * A Markdown table with padded columns, readable as plain text too. `align` defaults to left for the first column
 * and right for the others (numbers).
 */
export function formatTable(headers: readonly string[], rows: readonly (readonly string[])[], align?: Align[]): string {
  const columns = headers.length
  for (const row of rows) {
    if (row.length !== columns) {
      throw new Error(`formatTable: expected ${columns} cells per row, got ${row.length}: ${JSON.stringify(row)}`)
    }
  }
  const aligns = headers.map((_, i) => align?.[i] ?? (i === 0 ? 'left' : 'right'))
  const widths = headers.map((h, i) => Math.max(3, h.length, ...rows.map((r) => r[i]!.length)))
  const pad = (cell: string, i: number) => (aligns[i] === 'right' ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))
  const line = (cells: readonly string[]) => `| ${cells.map(pad).join(' | ')} |`
  const rule = `|${widths.map((w, i) => (aligns[i] === 'right' ? `${'-'.repeat(w + 1)}:` : `:${'-'.repeat(w + 1)}`)).join('|')}|`
  return [line(headers), rule, ...rows.map(line)].join('\n')
}
