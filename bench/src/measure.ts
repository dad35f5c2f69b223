// One measurement round of one variant: build, size, cold starts, a correctness check, then load.

import { loadavg } from 'node:os'
import { join } from 'node:path'
import { get } from '@vike-photon/test-kit/fetch'
import { type BuildTime, build, dirSize, workDir } from './apps'
import { BROWSER_ACCEPT_ENCODING, type LoadResult, load, measureLoad, warmUp } from './load'
import { measurePairs, mergeWindows, type WindowPair } from './paired'
import { pinServer, type RunningServer, rssBytes, startServer, stopServer } from './server'
import { median } from './stats'
import type { Variant } from './variants'

export interface Settings {
  rounds: number
  /** Warmup before the SSR measurement, then before the asset measurement (seconds). */
  ssrWarmupSec: number
  /**
   * Requests the SSR warmup lasts for at least (it goes on in `ssrWarmupSec` steps, for at most 120 s): V8 keeps
   * optimizing a server's code for its first ~20,000 requests, and plain SSR measured before that compares servers
   * still getting faster (see README, "Reading the numbers").
   */
  ssrWarmupRequests: number
  assetWarmupSec: number
  durationSec: number
  connections: number
  /** Spawns per round used for the cold-start figure (the last one also takes the load). */
  coldStarts: number
  port: number
  /**
   * Request rate of the extra SSR run that measures CPU per request. A fixed rate makes it comparable across
   * variants: vike's own per-request cost grows with throughput (see README, "Reading the numbers").
   */
  cpuRate: number
  /**
   * Builds of a variant per round, each right after a build of the floor (floor, variant, floor, variant…), so
   * that both see the same machine: the build-time ratio is the median of these per-pair ratios.
   */
  buildPairs: number
  /**
   * Pairs of full-load SSR windows taken in turns with a warm copy of the floor (paired.ts), plain and with a
   * browser's Accept-Encoding; 0: one run of `durationSec` each, unpaired.
   */
  ssrPairs: number
  /** Seconds of each window of those pairs. */
  pairWindowSec: number
  /** Where load tests run when pinned (`pinnedCpus`): autocannon on `loadCpu`, the server under load on `serverCpu`. */
  loadCpu?: number
  serverCpu?: number
}

export { BROWSER_ACCEPT_ENCODING, warmUp }

export interface Measured extends LoadResult {
  /** Server CPU time (user + system) per successful request, in microseconds: less sensitive to other work. */
  cpuUsPerRequest: number | undefined
}

export interface RoundResult {
  variant: string
  round: number
  /** Median wall time of the round's builds of this variant. */
  buildMs: number
  /** Median CPU time (user + system) of the build's process tree (absent from rounds recorded before it was). */
  buildCpuMs?: number
  /** Each build of the variant with the floor's build just before it (absent for the floor itself). */
  buildPairs?: BuildPair[]
  distBytes: number
  distServerBytes: number
  coldStartMs: number[]
  ssr: Measured
  /** SSR at `settings.cpuRate` req/s, for CPU per request at the same load for every variant. */
  ssrFixedRate: Measured
  /** SSR with a browser's `Accept-Encoding` (absent from rounds recorded before it was measured). */
  ssrBrowser?: Measured
  ssrBrowserFixedRate?: Measured
  /** The windows `ssr` and `ssrBrowser` merge, each with the floor's copy's window next to it (paired.ts). */
  ssrPairs?: WindowPair[]
  ssrBrowserPairs?: WindowPair[]
  /** Bytes of `/` on the wire for a browser's `Accept-Encoding`, and the Content-Encoding it came with. */
  ssrBrowserBytes?: number
  ssrBrowserEncoding?: string
  asset: Measured
  /** 1-minute load average of the machine when the load tests ended (other work competing for the CPUs). */
  loadavg: number
  rssBytes: number | undefined
  assetPath: string
  assetBytes: number
  /** What the app answered differently from the floor's behaviour (e.g. `HEAD / → 404`). */
  notes: string[]
}

export interface BuildPair {
  floor: BuildTime
  variant: BuildTime
}

/**
 * Builds the floor and the variant one after the other, `pairs` times, each from a clean dist/ (each has its own
 * folder: the variant's last build stays for the load tests). One build each, minutes apart, said more about the machine's load at the time than about the build.
 */
export async function measureBuildPairs(floor: Variant, variant: Variant, pairs: number): Promise<BuildPair[]> {
  const result: BuildPair[] = []
  for (let i = 0; i < pairs; i++) {
    // Which one goes first alternates, so that neither always builds right after the other.
    if (i % 2 === 0) {
      const f = await build(floor)
      result.push({ floor: f, variant: await build(variant) })
    } else {
      const v = await build(variant)
      result.push({ floor: await build(floor), variant: v })
    }
  }
  return result
}

/**
 * One round of one variant. With `floor` (and `settings.buildPairs` > 0), its build time is taken in pairs with the
 * floor's (`measureBuildPairs`); without, from one build. With `reference` (a warm copy of the floor's server, see
 * paired.ts), SSR at full load is measured in pairs with it.
 */
export async function measureRound(
  variant: Variant,
  round: number,
  settings: Settings,
  floor?: Variant,
  reference?: RunningServer,
): Promise<RoundResult> {
  const dir = workDir(variant)
  const buildPairs =
    floor && floor.id !== variant.id && settings.buildPairs > 0
      ? await measureBuildPairs(floor, variant, settings.buildPairs)
      : undefined
  const builds = buildPairs?.map((p) => p.variant) ?? [await build(variant)]
  const buildMs = median(builds.map((b) => b.wallMs))!
  const buildCpuMs = median(builds.flatMap((b) => (b.cpuMs === undefined ? [] : [b.cpuMs])))
  const distBytes = await dirSize(join(dir, 'dist'))
  const distServerBytes = await dirSize(join(dir, 'dist', 'server'))

  const start = () => startServer({ cwd: dir, entry: variant.entry, port: settings.port })
  const coldStartMs: number[] = []
  for (let i = 1; i < settings.coldStarts; i++) {
    const server = await start()
    coldStartMs.push(server.coldStartMs)
    await stopServer(server)
  }
  const server = await start()
  coldStartMs.push(server.coldStartMs)
  try {
    // After its cold start, which it may spread over both CPUs as in production.
    if (settings.serverCpu !== undefined) pinServer(server, settings.serverCpu)
    const { assetPath, assetBytes, notes } = await check(server)
    const browser = await get(`${server.origin}/`, 'GET', { 'accept-encoding': BROWSER_ACCEPT_ENCODING })
    const browserHeaders = { 'accept-encoding': BROWSER_ACCEPT_ENCODING }
    const opts = { connections: settings.connections, cpu: settings.loadCpu }
    const ssrUrl = `${server.origin}/`
    const assetUrl = `${server.origin}${assetPath}`
    const measured = (url: string, rate?: number, headers?: Record<string, string>): Promise<Measured> =>
      // The fixed-rate run only needs enough CPU ticks for a stable ratio: half the measurement time.
      measureLoad(server, url, {
        ...opts,
        durationSec: rate ? Math.max(2, Math.ceil(settings.durationSec / 2)) : settings.durationSec,
        rate,
        headers,
      })
    // At full load: in pairs with the floor's copy when there is one (see paired.ts), else one run.
    const atFullLoad = async (headers?: Record<string, string>) => {
      if (!reference || settings.ssrPairs === 0)
        return { merged: await measured(ssrUrl, undefined, headers), pairs: undefined }
      const pairs = await measurePairs(server, reference, settings, headers)
      return { merged: mergeWindows(pairs.map((p) => p.variant)), pairs }
    }
    if (settings.ssrWarmupSec > 0) await warmUp(ssrUrl, settings)
    const { merged: ssr, pairs: ssrPairs } = await atFullLoad()
    const ssrFixedRate = await measured(ssrUrl, settings.cpuRate)
    // The same with a browser's Accept-Encoding (compression on the fly, where the server does it).
    if (settings.ssrWarmupSec > 0) {
      await load(ssrUrl, { ...opts, durationSec: Math.min(settings.ssrWarmupSec, 3), headers: browserHeaders })
    }
    const { merged: ssrBrowser, pairs: ssrBrowserPairs } = await atFullLoad(browserHeaders)
    const ssrBrowserFixedRate = await measured(ssrUrl, settings.cpuRate, browserHeaders)
    if (settings.assetWarmupSec > 0) await load(assetUrl, { ...opts, durationSec: settings.assetWarmupSec })
    const asset = await measured(assetUrl)
    if (ssrFixedRate.rps < settings.cpuRate * 0.9) {
      notes.push(
        `could not sustain ${settings.cpuRate} req/s for the CPU/req run (got ${Math.round(ssrFixedRate.rps)}): ` +
          'its CPU/req is not comparable (busy machine?)',
      )
    }
    if (server.process.exitCode !== null || server.process.signalCode !== null) {
      throw new Error(`the server exited during the load test\n${server.output()}`)
    }
    const rss = rssBytes(server.process.pid)
    for (const [what, r] of [
      ['SSR', ssr],
      ['SSR at a fixed rate', ssrFixedRate],
      ['SSR (browser Accept-Encoding)', ssrBrowser],
      ['SSR (browser Accept-Encoding) at a fixed rate', ssrBrowserFixedRate],
      ['asset', asset],
    ] as const) {
      if (r.non2xx || r.errors || r.timeouts) {
        notes.push(`${what} load: ${r.non2xx} non-2xx, ${r.errors} errors, ${r.timeouts} timeouts`)
      }
    }
    return {
      variant: variant.id,
      round,
      buildMs,
      buildCpuMs,
      buildPairs,
      distBytes,
      distServerBytes,
      coldStartMs,
      ssr,
      ssrFixedRate,
      ssrBrowser,
      ssrBrowserFixedRate,
      ssrPairs,
      ssrBrowserPairs,
      ssrBrowserBytes: browser.bytes,
      ssrBrowserEncoding: String(browser.headers['content-encoding'] ?? 'identity'),
      asset,
      loadavg: loadavg()[0] ?? 0,
      rssBytes: rss,
      assetPath,
      assetBytes,
      notes,
    }
  } finally {
    await stopServer(server)
  }
}

/**
 * Checks that the server serves the app (or throws), finds the hashed script the page loads first, and notes
 * where the answers differ from what the floor does.
 */
export async function check(
  server: RunningServer,
): Promise<{ assetPath: string; assetBytes: number; notes: string[] }> {
  const notes: string[] = []
  const home = await get(`${server.origin}/`)
  if (home.status !== 200 || !home.body.includes('<h1>Home</h1>')) {
    throw new Error(`GET / answered ${home.status} without the home page\n${home.body.slice(0, 500)}`)
  }
  const assetPath = /(?:src|href)="(\/assets\/[^"]+\.js)"/.exec(home.body)?.[1]
  if (!assetPath) throw new Error(`GET / has no /assets/*.js script\n${home.body.slice(0, 2000)}`)
  const asset = await get(`${server.origin}${assetPath}`)
  if (asset.status !== 200) throw new Error(`GET ${assetPath} answered ${asset.status}`)

  const expect = async (path: string, status: number, method: 'GET' | 'HEAD' = 'GET') => {
    const res = await get(`${server.origin}${path}`, method)
    if (res.status !== status) notes.push(`${method} ${path} → ${res.status} (floor: ${status})`)
  }
  await expect('/about', 200)
  await expect('/logo.svg', 200)
  await expect('/does-not-exist', 404)
  await expect('/', 200, 'HEAD')
  if (!/immutable/.test(String(asset.headers['cache-control'] ?? ''))) {
    notes.push(`${assetPath} has no immutable Cache-Control`)
  }
  return { assetPath, assetBytes: asset.bytes, notes }
}
