// Starting a built app in production on loopback, timing it to its first 200, reading its RSS, stopping it.
import { type ChildProcess, execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { startServer as startProcess } from '@vike-photon/test-kit/process'

export const HOST = '127.0.0.1'

export interface RunningServer {
  process: ChildProcess
  port: number
  origin: string
  /** Spawn to the first 200 on `/`, in milliseconds. */
  coldStartMs: number
  /** What the server printed, for error messages. */
  output(): string
  stop(): Promise<void>
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
  const server = await startProcess(process.execPath, [...nodeArgs, entry], {
    cwd,
    env: { ...options.env, NODE_ENV: 'production', PORT: String(port), HOST },
    url: origin,
    readyPath: '/',
    okOnly: true,
    // Polled often: the time to the first 200 is the cold start measured.
    pollMs: 2,
    timeoutMs,
  })
  return {
    process: server.process,
    port,
    origin,
    coldStartMs: server.readyMs,
    output: () => server.output().trim().slice(-4000),
    stop: server.stop,
  }
}

/** Stops the server (SIGTERM to its process group, SIGKILL after 5 s) and waits for it to exit. */
export async function stopServer(server: RunningServer): Promise<void> {
  await server.stop()
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

/**
 * The CPUs of a pinned load test (Linux `taskset`, 2 CPUs or more): the load generator on the first, the server
 * under load on the last; undefined where pinning is not possible. Unpinned, the scheduler moved the server and
 * autocannon between the two CPUs of this machine, and the floor's throughput moved by ±13% from one 5 s window to the
 * next; pinned, by ±6% (two copies of the floor, 9 windows each, 2026-12-05).
 */
export function pinnedCpus(): { load: number; server: number } | undefined {
  if (availableParallelism() < 2) return
  try {
    execFileSync('taskset', ['-p', String(process.pid)], { stdio: 'ignore' })
  } catch {
    return
  }
  return { load: 0, server: availableParallelism() - 1 }
}

/** Moves every thread of a running server (its main thread, the GC's and libuv's) onto one CPU. */
export function pinServer(server: RunningServer, cpu: number): void {
  execFileSync('taskset', ['-a', '-cp', String(cpu), String(server.process.pid)], { stdio: 'ignore' })
}
