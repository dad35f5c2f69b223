// `pnpm bench` at the root: builds the same app with each variant, serves it in production on 127.0.0.1,
// alternating variants across rounds, and prints medians with ratios to the floor. See ../README.md.
import { existsSync } from 'node:fs'
import { mkdir, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { availableParallelism, loadavg } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { run } from '@vike-photon/test-kit/process'
import { type BuildTime, build, packWorkspacePackage, prepare, unavailableReason } from './apps'
import { BROWSER_ACCEPT_ENCODING, type Measured, measureRound, type RoundResult, type Settings } from './measure'
import { startReferenceFloor } from './paired'
import { paths } from './paths'
import { runProfiles } from './profile'
import { formatGoals, formatPairingCheck, formatSummary, summarize } from './report'
import { pinnedCpus } from './server'
import { formatBytes, formatNumber, formatRatio, median, ratio } from './stats'
import { variants as allVariants, type Variant } from './variants'

const usage = `Usage: pnpm bench [options]

  --quick              1 round, 1 s warmups, 3 s measurements, 1 cold start (about 3 minutes)
  --rounds <n>         rounds, variants alternating within each (default 3)
  --duration <s>       seconds per measurement (default 10)
  --warmup <s>         seconds of SSR warmup before measuring (default 5; assets get 3)
  --warmup-requests <n>  requests the SSR warmup lasts for at least, in --warmup steps (default 20000; --quick: 0)
  --connections <n>    concurrent connections (default 50)
  --cpu-rate <n>       req/s of the extra SSR run that measures CPU per request (default 300)
  --build-pairs <n>    builds per variant and round, each next to one of the floor (default 2; 0: one build)
  --ssr-pairs <n>      SSR windows at full load per variant, round and header, each in turn with one of a warm
                       copy of the floor (default 3; --quick: 1; 0: one unpaired run of --duration)
  --pair-window <s>    seconds of each of those windows (default 5; --quick: 2)
  --no-pin             let load tests run on any CPU (default: autocannon on the first, the server under load on
                       the last, where taskset exists)
  --only <ids>         comma-separated variant ids (the floor is always added)
  --profile            CPU-profile SSR of the selected variants instead (see README)
  --browser-ae         with --profile: send a browser's Accept-Encoding (${BROWSER_ACCEPT_ENCODING})
  --port <n>           port on 127.0.0.1 (default 3457)
  --list               list the variants and exit

Variants: ${allVariants.map((v) => v.id).join(', ')}`

async function main() {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      rounds: { type: 'string' },
      duration: { type: 'string' },
      warmup: { type: 'string' },
      'warmup-requests': { type: 'string' },
      connections: { type: 'string' },
      'cpu-rate': { type: 'string' },
      'build-pairs': { type: 'string' },
      'ssr-pairs': { type: 'string' },
      'pair-window': { type: 'string' },
      'no-pin': { type: 'boolean', default: false },
      only: { type: 'string' },
      profile: { type: 'boolean', default: false },
      'browser-ae': { type: 'boolean', default: false },
      port: { type: 'string' },
      list: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    // pnpm passes a lone `--` through when the user writes `pnpm bench -- --quick`.
    args: process.argv.slice(2).filter((a) => a !== '--'),
  })
  if (values.help) return console.log(usage)
  if (values.list) {
    for (const v of allVariants) console.log(`${v.id.padEnd(24)} ${v.label}${formatUnavailable(v)}`)
    return
  }

  const int = (value: string | undefined, fallback: number, name: string) => {
    if (value === undefined) return fallback
    const n = Number(value)
    if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} expects a whole number, got "${value}"`)
    return n
  }
  const quick = values.quick
  const warmup = int(values.warmup, quick ? 1 : 5, 'warmup')
  const settings: Settings = {
    rounds: int(values.rounds, quick ? 1 : 3, 'rounds'),
    ssrWarmupSec: warmup,
    ssrWarmupRequests: int(values['warmup-requests'], quick ? 0 : 20_000, 'warmup-requests'),
    assetWarmupSec: Math.min(warmup, 3),
    durationSec: int(values.duration, quick ? 3 : 10, 'duration'),
    connections: int(values.connections, 50, 'connections'),
    coldStarts: quick ? 1 : 3,
    port: int(values.port, 3457, 'port'),
    cpuRate: int(values['cpu-rate'], 300, 'cpu-rate'),
    buildPairs: int(values['build-pairs'], 2, 'build-pairs'),
    ssrPairs: int(values['ssr-pairs'], quick ? 1 : 3, 'ssr-pairs'),
    pairWindowSec: int(values['pair-window'], quick ? 2 : 5, 'pair-window'),
    ...(values['no-pin'] ? {} : pinning(pinnedCpus())),
  }

  const selected = selectVariants(values.only)
  if (values.profile) {
    await prepareAll(selected)
    await runProfiles(
      selected.filter((v) => !unavailableReason(v)),
      settings,
      values['browser-ae'] ? { 'accept-encoding': BROWSER_ACCEPT_ENCODING } : undefined,
    )
    return
  }

  const startedAt = Date.now()
  console.log(
    `vike-photon bench: ${selected.length} variants, ${settings.rounds} round(s), ` +
      `${settings.ssrWarmupSec} s warmup (${settings.ssrWarmupRequests} requests at least) + ${settings.durationSec} s per measurement, ${settings.connections} connections, ` +
      `node ${process.version}, 127.0.0.1:${settings.port}, ${settings.serverCpu === undefined ? 'load tests on any CPU' : `load tests pinned (autocannon on CPU ${settings.loadCpu}, the server on CPU ${settings.serverCpu})`}, ` +
      `SSR at full load ${settings.ssrPairs > 0 ? `in ${settings.ssrPairs} pair(s) of ${settings.pairWindowSec} s windows with a copy of the floor` : 'unpaired'}; machine load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' / ')} (1 / 5 / 15 min) on ${availableParallelism()} CPUs at the start\n`,
  )

  const missing = new Map<string, string>()
  for (const v of selected) {
    const reason = unavailableReason(v)
    if (reason) missing.set(v.id, `not runnable yet: ${reason}`)
  }
  const ready = await prepareAll(
    selected.filter((v) => !missing.has(v.id)),
    missing,
  )

  // The first build after an install reads node_modules from disk: one untimed build each, so that the timed pairs
  // compare warm builds only.
  process.stdout.write('› one untimed build of each variant … ')
  const warmupStart = performance.now()
  for (const variant of ready) await build(variant).catch(() => {})
  console.log(`${formatSeconds(performance.now() - warmupStart)}\n`)

  const floor = ready.find((v) => v.role === 'floor')
  const results: RoundResult[] = []
  for (let round = 1; round <= settings.rounds; round++) {
    // Alternate: each round starts one variant later, so no variant always runs first (or right after a build).
    const order = ready.map((_, i) => ready[(i + round - 1) % ready.length]!)
    // A warm copy of the floor's server for the round, which every variant's SSR takes turns with (paired.ts).
    const reference = floor && settings.ssrPairs > 0 ? await startReferenceFloor(floor, settings) : undefined
    try {
      for (const variant of order) {
        if (missing.has(variant.id)) continue
        try {
          const r = await measureRound(variant, round, settings, floor, reference)
          results.push(r)
          console.log(`[round ${round}] ${variant.id.padEnd(22)} ${formatProgress(r)}`)
        } catch (error) {
          missing.set(variant.id, `failed in round ${round}: ${firstLine(error)}`)
          console.log(`[round ${round}] ${variant.id.padEnd(22)} FAILED\n${String(error)}\n`)
        }
      }
    } finally {
      await reference?.stop()
    }
  }

  const summaries = summarize(selected, results, missing)
  console.log(`\n## Results (median of ${settings.rounds} round(s); in parentheses: ratio to the floor)\n`)
  console.log(formatSummary(summaries))
  console.log(
    '\nRatios: req/s higher is better; p99, cold start, RSS, build time and sizes lower is better.' +
      ` SSR = GET / ; asset = GET ${results[0]?.assetPath ?? '(the first /assets/*.js of /)'}` +
      ` (${formatBytes(results[0]?.assetBytes)}), no Accept-Encoding; "browser A-E" rows send Accept-Encoding: ${BROWSER_ACCEPT_ENCODING}` +
      " and take their ratio against the floor's runs with that header, which it ignores (its uncompressed SSR at the same point of its life).",
  )

  const goalLines = formatGoals(summaries)
  if (goalLines) console.log(`\n${goalLines}`)
  const pairingCheck = formatPairingCheck(results)
  if (pairingCheck) console.log(`\n${pairingCheck}`)
  const loads = results.map((r) => r.loadavg)
  if (loads.length > 0) {
    const busy = Math.max(...loads) > availableParallelism()
    console.log(
      `\nMachine load average (1 min) at the end of each measurement: median ${formatNumber(median(loads), 1)}, ` +
        `max ${formatNumber(Math.max(...loads), 1)} on ${availableParallelism()} CPUs; at the end of the run ${formatNumber(loadavg()[0], 1)}.` +
        (busy ? ' Other work competed for the CPUs: req/s are noisy; CPU/req columns hold up better.' : ''),
    )
  }

  const notes = new Map<string, Set<string>>()
  for (const r of results) for (const n of r.notes) notes.set(r.variant, (notes.get(r.variant) ?? new Set()).add(n))
  if (missing.size > 0 || notes.size > 0) {
    console.log('\n## Notes\n')
    for (const v of selected) {
      const lines = [...(missing.has(v.id) ? [missing.get(v.id)!] : []), ...(notes.get(v.id) ?? [])]
      for (const line of lines) console.log(`- ${v.label}: ${line}`)
    }
  }

  await mkdir(join(paths.cache, 'results'), { recursive: true })
  const file = join(paths.cache, 'results', `${new Date(startedAt).toISOString().replace(/[:.]/g, '-')}.json`)
  await writeFile(file, JSON.stringify({ settings, node: process.version, results, missing: [...missing] }, null, 2))

  console.log('\n## Codemod benchmark\n')
  await codemodBench()
  console.log(
    `\nRaw rounds: bench/.cache/results/${file.split('/').pop()}; total ${formatSeconds(Date.now() - startedAt)}.`,
  )
}

function selectVariants(only: string | undefined): Variant[] {
  if (!only) return [...allVariants]
  const ids = new Set(only.split(',').map((s) => s.trim()))
  const unknown = [...ids].filter((id) => !allVariants.some((v) => v.id === id))
  if (unknown.length > 0) {
    throw new Error(
      `--only: unknown variant(s) ${unknown.join(', ')}; known: ${allVariants.map((v) => v.id).join(', ')}`,
    )
  }
  return allVariants.filter((v) => v.role === 'floor' || ids.has(v.id))
}

/** Installs each variant once; returns those that installed. */
async function prepareAll(selected: Variant[], missing = new Map<string, string>()): Promise<Variant[]> {
  if (selected.some((v) => v.workspacePackage && !unavailableReason(v))) {
    console.log('› packing packages/vike-photon')
    await packWorkspacePackage()
  }
  const ready: Variant[] = []
  for (const variant of selected) {
    if (unavailableReason(variant)) continue
    process.stdout.write(`› installing ${variant.id} … `)
    const start = performance.now()
    try {
      await prepare(variant)
      ready.push(variant)
      console.log(formatSeconds(performance.now() - start))
    } catch (error) {
      missing.set(variant.id, `install failed: ${firstLine(error)}`)
      console.log(`FAILED\n${String(error)}`)
    }
  }
  console.log()
  return ready
}

/** Runs the migrate codemod benchmark (codemods/bench/migrate-bench.ts) when it exists. */
async function codemodBench() {
  if (!existsSync(paths.codemodBench)) {
    console.log('not available (codemods/bench/migrate-bench.ts does not exist on this branch)')
    return
  }
  const tsxCli = createRequire(import.meta.url).resolve('tsx/cli')
  try {
    const { stdout } = await run(process.execPath, [tsxCli, paths.codemodBench], {
      cwd: paths.root,
      timeoutMs: 5 * 60_000,
    })
    console.log(stdout.trim())
  } catch (error) {
    console.log(`failed: ${String(error)}`)
  }
}

function formatProgress(r: RoundResult): string {
  const cold = r.coldStartMs.map((v) => formatNumber(v)).join('/')
  return (
    `build ${formatSeconds(r.buildMs)}${formatBuildPairs(r)}, cold ${cold} ms, SSR ${formatNumber(r.ssr.rps)} req/s${formatSsrPairs(r.ssrPairs)} ` +
    `p99 ${r.ssr.p99} ms, ${formatNumber(r.ssrFixedRate.cpuUsPerRequest)} µs CPU/req at ${formatNumber(r.ssrFixedRate.rps)} req/s, ` +
    `browser A-E ${formatNumber(r.ssrBrowser?.rps)} req/s${formatSsrPairs(r.ssrBrowserPairs)} ${formatNumber(r.ssrBrowserFixedRate?.cpuUsPerRequest)} µs CPU/req ` +
    `(${r.ssrBrowserEncoding}, ${formatBytes(r.ssrBrowserBytes)}), asset ${formatNumber(r.asset.rps)} req/s ` +
    `${formatNumber(r.asset.cpuUsPerRequest)} µs CPU/req, RSS ${formatBytes(r.rssBytes)}, load avg ${r.loadavg.toFixed(1)}`
  )
}

/** The per-pair ratios of the round's builds to the floor's, wall and CPU: " (1.12/1.08× the floor, CPU 1.10/1.05×)". */
function formatBuildPairs(r: RoundResult): string {
  if (!r.buildPairs?.length) return ''
  const ratios = (of: (b: BuildTime) => number | undefined) =>
    r.buildPairs!.map((p) => formatRatio(ratio(of(p.variant), of(p.floor)))).join('/')
  return ` (${ratios((b) => b.wallMs)}× the floor's, CPU ${ratios((b) => b.cpuMs)}×)`
}

/** The per-pair ratios of SSR windows to the floor's copy's, req/s and CPU/req: " (0.97/1.01× the floor's, CPU 1.05/1.02×)". */
function formatSsrPairs(pairs: RoundResult['ssrPairs']): string {
  if (!pairs?.length) return ''
  const ratios = (of: (m: Measured) => number | undefined) =>
    pairs.map((p) => formatRatio(ratio(of(p.variant), of(p.floor)))).join('/')
  return ` (${ratios((m) => m.rps)}× the floor's, CPU ${ratios((m) => m.cpuUsPerRequest)}×)`
}

function formatUnavailable(v: Variant): string {
  const reason = unavailableReason(v)
  return reason ? `  (not runnable: ${reason})` : ''
}

const pinning = (cpus: ReturnType<typeof pinnedCpus>) => (cpus ? { loadCpu: cpus.load, serverCpu: cpus.server } : {})

const formatSeconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`
const firstLine = (error: unknown) => String(error instanceof Error ? error.message : error).split('\n')[0]

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
