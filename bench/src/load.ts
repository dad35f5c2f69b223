// Load comes from a separate process: autocannon's CLI, bounded in time, on loopback.
import { createRequire } from 'node:module'
import { run } from '@vike-photon/test-kit/process'
import { paths } from './paths'

const autocannonBin = createRequire(import.meta.url).resolve('autocannon')

export interface LoadOptions {
  connections: number
  durationSec: number
  /** Caps the total request rate (req/s) instead of going as fast as the server allows. */
  rate?: number
  /** Request headers, e.g. a browser's `Accept-Encoding`. */
  headers?: Record<string, string>
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
  const { stdout } = await run(process.execPath, args, {
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
