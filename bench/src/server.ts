// Starting a built app in production on loopback, timing it to its first 200, reading its RSS, stopping it.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { request } from 'node:http'

export const HOST = '127.0.0.1'

export interface RunningServer {
  process: ChildProcess
  port: number
  origin: string
  /** Spawn to the first 200 on `/`, in milliseconds. */
  coldStartMs: number
  /** The last lines the server printed, for error messages. */
  output(): string
}

export interface StartOptions {
  cwd: string
  entry: string
  port: number
  /** Extra node flags (e.g. `--import` of the profiler hook). */
  nodeArgs?: string[]
  env?: Record<string, string>
  timeoutMs?: number
}

export async function startServer(options: StartOptions): Promise<RunningServer> {
  const { cwd, entry, port, nodeArgs = [], timeoutMs = 30_000 } = options
  const origin = `http://${HOST}:${port}`
  const start = performance.now()
  const child = spawn(process.execPath, [...nodeArgs, entry], {
    cwd,
    env: { ...process.env, ...options.env, NODE_ENV: 'production', PORT: String(port), HOST },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let log = ''
  const keep = (chunk: Buffer) => {
    log = (log + chunk).slice(-4000)
  }
  child.stdout.on('data', keep)
  child.stderr.on('data', keep)
  const output = () => log.trim()

  let exited: string | undefined
  child.on('exit', (code, signal) => {
    exited = signal ? `was killed by ${signal}` : `exited with ${code}`
  })

  const deadline = start + timeoutMs
  for (;;) {
    if (exited) throw new Error(`server ${entry} ${exited} before answering 200 on /\n${output()}`)
    const status = await tryStatus(`${origin}/`)
    if (status === 200) break
    if (performance.now() > deadline) {
      child.kill('SIGKILL')
      throw new Error(`server ${entry} did not answer 200 on / within ${timeoutMs} ms (last: ${status})\n${output()}`)
    }
    await sleep(status === undefined ? 2 : 20)
  }
  return { process: child, port, origin, coldStartMs: performance.now() - start, output }
}

/** Stops the server with SIGTERM (SIGKILL after a grace period) and waits for it to exit. */
export async function stopServer(server: RunningServer, graceMs = 5000): Promise<void> {
  const child = server.process
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  child.kill('SIGTERM')
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs)
  await exited
  clearTimeout(timer)
}

/** Resident set size of a process in bytes (Linux /proc, else `ps`), or undefined. */
export function rssBytes(pid: number | undefined): number | undefined {
  if (pid === undefined) return
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8')
    const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1]
    if (kb) return Number(kb) * 1024
  } catch {}
  try {
    const kb = execFileSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' }).trim()
    if (kb) return Number(kb) * 1024
  } catch {}
}

let clockTicks: number | undefined

/** CPU time (user + system) a process has used so far, in microseconds (Linux /proc), or undefined. */
export function cpuTimeUs(pid: number | undefined): number | undefined {
  if (pid === undefined) return
  try {
    // Fields after the command name (which may contain spaces): state is field 3, utime 14, stime 15.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    clockTicks ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100
    return ((Number(fields[11]) + Number(fields[12])) / clockTicks) * 1e6
  } catch {
    return undefined
  }
}

export interface Fetched {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
  bytes: number
}

/** A plain GET (or HEAD) without keep-alive; rejects on network errors. The body is as sent (not decoded). */
export function get(
  url: string,
  method: 'GET' | 'HEAD' = 'GET',
  headers: Record<string, string> = {},
): Promise<Fetched> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, agent: false, headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () => {
        const buffer = Buffer.concat(chunks)
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: buffer.toString('utf8'),
          bytes: buffer.length,
        })
      })
      res.on('error', reject)
    })
    req.on('error', reject)
    req.setTimeout(10_000, () => req.destroy(new Error(`timeout: ${method} ${url}`)))
    req.end()
  })
}

async function tryStatus(url: string): Promise<number | undefined> {
  try {
    return (await get(url)).status
  } catch {
    return undefined
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
