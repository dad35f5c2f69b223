// Load comes from a separate process: autocannon's CLI, bounded in time, on loopback.
import { createRequire } from 'node:module'
import { run } from '@vike-photon/test-kit/process'
import type { Measured, Settings } from './measure'
import { paths } from './paths'
import { cpuTimeUs, type RunningServer } from './server'

/** What every browser sends: the SSR row that real visitors hit. */
export const BROWSER_ACCEPT_ENCODING = 'gzip, deflate, br, zstd'

const autocannonBin = createRequire(import.meta.url).resolve('autocannon')

export interface LoadOptions {
  connections: number
  durationSec: number
  /** Caps the total request rate (req/s) instead of going as fast as the server allows. */
  rate?: number
  /** Request headers, e.g. a browser's `Accept-Encoding`. */
  headers?: Record<string, string>
  /** The CPU autocannon runs on (see `pinnedCpus`); anywhere when undefined. */
  cpu?: number
}

export interface LoadResult {
  /** Successful (2xx) responses per second over the whole run. */
  rps: number
  /** Successful (2xx) responses in total. */
  requests: number
  /** Latency percentiles in milliseconds. */
  p50: number
  p99: number
  non2xx: number
  errors: number
  timeouts: number
}

/** The fields of autocannon's `--json` report that the bench reads. */
interface AutocannonReport {
  duration: number
  errors: number
  timeouts: number
  non2xx: number
  '2xx': number
  latency: { p50: number; p99: number }
}

export async function load(url: string, options: LoadOptions): Promise<LoadResult> {
  const args = [autocannonBin, '--json', '--no-progress']
  args.push('-c', String(options.connections), '-d', String(options.durationSec))
  if (options.rate) args.push('-R', String(options.rate))
  for (const [name, value] of Object.entries(options.headers ?? {})) args.push('-H', `${name}=${value}`)
  args.push(url)
  const [command, commandArgs] =
    options.cpu === undefined
      ? [process.execPath, args]
      : ['taskset', ['-c', String(options.cpu), process.execPath, ...args]]
  const { stdout } = await run(command, commandArgs, {
    cwd: paths.bench,
    timeoutMs: (options.durationSec + 30) * 1000,
  })
  const report = JSON.parse(stdout) as AutocannonReport
  return {
    rps: report['2xx'] / report.duration,
    requests: report['2xx'],
    p50: report.latency.p50,
    p99: report.latency.p99,
    non2xx: report.non2xx,
    errors: report.errors,
    timeouts: report.timeouts,
  }
}

/** Loads `url` for `ssrWarmupSec`, then again until it has answered `ssrWarmupRequests` (120 s at most). */
export async function warmUp(
  url: string,
  settings: Pick<Settings, 'ssrWarmupSec' | 'ssrWarmupRequests' | 'connections' | 'loadCpu'>,
  headers?: Record<string, string>,
): Promise<void> {
  const started = performance.now()
  const durationSec = Math.max(settings.ssrWarmupSec, 1)
  let answered = 0
  do {
    answered += (await load(url, { connections: settings.connections, durationSec, headers, cpu: settings.loadCpu }))
      .requests
  } while (answered < settings.ssrWarmupRequests && performance.now() - started < 120_000)
}

/** A load run against one server, with the server's CPU time (user + system) per successful request. */
export async function measureLoad(server: RunningServer, url: string, options: LoadOptions): Promise<Measured> {
  const pid = server.process.pid
  const before = cpuTimeUs(pid)
  const result = await load(url, options)
  const after = cpuTimeUs(pid)
  const cpu = before !== undefined && after !== undefined && result.requests > 0 ? after - before : undefined
  return { ...result, cpuUsPerRequest: cpu === undefined ? undefined : cpu / result.requests }
}
