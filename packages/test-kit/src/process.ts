import { type ChildProcess, spawn } from 'node:child_process'
import { childEnv } from './env.js'
import { get } from './fetch.js'

// Child processes of the tests: commands run to completion (`run`) and servers (`startServer`). Each gets its own
// process group, so that stopping it also stops what it started (Vite's workers, workerd, restarters), and a server
// still running when the test process ends is killed.

export type RunResult = {
  code: number | null
  signal: NodeJS.Signals | null
  /** stdout and stderr, interleaved */
  output: string
  stdout: string
  stderr: string
}

export type RunOptions = {
  cwd: string
  env?: Record<string, string | undefined>
  /** Kill the command (and its children) after this long. */
  timeoutMs: number
  /** Resolve with the exit code instead of throwing when the command fails. */
  allowFailure?: boolean
}

function describe(cmd: string, args: string[]) {
  return [cmd, ...args].join(' ')
}

/**
 * The end of a command's output, for an error message. Vite's error objects list every watched file
 * (`watchFiles: [ '/…', … ]`), which would push the actual message out of view: those lines are dropped.
 */
function tail(output: string, lines = 60) {
  return output
    .trimEnd()
    .split('\n')
    .filter((l) => !/^\s+'\/[^']*',?$/.test(l))
    .slice(-lines)
    .join('\n')
}

/**
 * Kills a child started with `detached: true` together with everything it started (its process group). The group
 * is signalled even when its leader already exited: `pnpm run build` can exit (or be killed) while the `vike build`
 * it started still runs in the group.
 */
function killGroup(child: ChildProcess, signal: NodeJS.Signals) {
  if (child.pid === undefined) return
  try {
    process.kill(-child.pid, signal)
  } catch {
    // already gone
  }
}

// Every command and server this kit started and that has not ended yet. Safety net: a test that throws before its
// `finally`, or a test process that ends (Playwright stops a worker after a timeout, Ctrl-C), must not leave a
// build or a server running: a leftover `vike build` found after a CI run kept spinning at 80% CPU.
const running = new Set<ChildProcess>()
function killAll() {
  for (const child of running) killGroup(child, 'SIGKILL')
  running.clear()
}
process.on('exit', killAll)
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    killAll()
    // Our listener replaced Node's default (exit); exit the way the signal would have, unless someone else listens.
    if (process.listenerCount(signal) === 1)
      process.exit(128 + (signal === 'SIGINT' ? 2 : signal === 'SIGTERM' ? 15 : 1))
  })
}

/** Runs a command to completion; throws with the tail of its output when it fails or times out. */
export function run(cmd: string, args: string[], opts: RunOptions): Promise<RunResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(cmd, args, {
      cwd: opts.cwd,
      env: childEnv(opts.env),
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    })
    running.add(child)
    let output = ''
    let stdout = ''
    let stderr = ''
    child.stdout?.on('data', (d) => {
      output += d
      stdout += d
    })
    child.stderr?.on('data', (d) => {
      output += d
      stderr += d
    })
    let timedOut = false
    const timer = setTimeout(() => {
      timedOut = true
      killGroup(child, 'SIGKILL')
    }, opts.timeoutMs)
    child.on('error', (err) => {
      clearTimeout(timer)
      running.delete(child)
      reject(new Error(`\`${describe(cmd, args)}\` could not start in ${opts.cwd}: ${err.message}`))
    })
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      running.delete(child)
      const result = { code, signal, output, stdout, stderr }
      if (timedOut) {
        reject(new Error(`\`${describe(cmd, args)}\` timed out after ${opts.timeoutMs} ms:\n${tail(output)}`))
      } else if (code !== 0 && !opts.allowFailure) {
        reject(new Error(`\`${describe(cmd, args)}\` failed (exit ${code ?? signal}) in ${opts.cwd}:\n${tail(output)}`))
      } else {
        resolvePromise(result)
      }
    })
  })
}

export type RunningServer = {
  /** The URL it was started with, or the first group of `readyLine`. */
  url: string
  /** Everything the server printed so far (stdout and stderr). */
  output(): string
  /** SIGTERM to its process group, SIGKILL after 5 s; resolves once it exited. */
  stop(): Promise<void>
}

/** A server this kit started. */
export type StartedServer = RunningServer & {
  process: ChildProcess
  /** From spawn to ready, in milliseconds (the cold start, when the readiness check is a 200 on `/`). */
  readyMs: number
}

export type StartServerOptions = {
  cwd: string
  env?: Record<string, string | undefined>
  timeoutMs: number
} & (
  | {
      /** Ready when `url` + `readyPath` answers HTTP: any status, or 200 with `okOnly`. */
      url: string
      readyPath?: string
      okOnly?: boolean
      /** Between two attempts. @default 250 */
      pollMs?: number
      /**
       * A line the server prints with the URL it really listens on (its first group). While `url` does not answer,
       * that URL is tried too: an app that hard-codes its port (`serve(app, { port: 3000 })`) ignores the PORT it
       * was given, and its user opens the URL it printed. Only loopback URLs are followed.
       */
      announced?: RegExp
    }
  | {
      /** Ready when the output matches; its first group is the server's URL (e.g. on a port it chose). */
      readyLine: RegExp
    }
)

/**
 * Starts a long-running server command and waits until it is ready (it answers HTTP, or prints `readyLine`). Fails
 * with the server's output if it exits first or is not ready within `timeoutMs`.
 */
export async function startServer(cmd: string, args: string[], opts: StartServerOptions): Promise<StartedServer> {
  const started = performance.now()
  const child = spawn(cmd, args, {
    cwd: opts.cwd,
    env: childEnv(opts.env),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  running.add(child)
  let output = ''
  child.stdout?.on('data', (d) => {
    output += d
  })
  child.stderr?.on('data', (d) => {
    output += d
  })
  const exited = new Promise<void>((r) => child.on('close', () => r()))
  const stop = async () => {
    killGroup(child, 'SIGTERM')
    const killed = await Promise.race([exited.then(() => true), sleep(5_000).then(() => false)])
    if (!killed) {
      killGroup(child, 'SIGKILL')
      await exited
    }
    running.delete(child)
  }
  const ready = (url: string): StartedServer => ({
    url,
    process: child,
    readyMs: performance.now() - started,
    output: () => output,
    stop,
  })

  const awaited =
    'url' in opts
      ? `${opts.url}${opts.readyPath ?? ''}${opts.announced ? ' (or the URL it printed)' : ''} answered${opts.okOnly ? ' 200' : ''}`
      : `it printed a line matching ${opts.readyLine}`
  const deadline = Date.now() + opts.timeoutMs
  let last = 'no answer'
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      running.delete(child)
      throw new Error(
        `\`${describe(cmd, args)}\` exited (${child.exitCode ?? child.signalCode}) before ${awaited}:\n${tail(output)}`,
      )
    }
    if ('url' in opts) {
      const announced = opts.announced && announcedUrl(output, opts.announced)
      for (const url of announced && announced !== opts.url ? [opts.url, announced] : [opts.url]) {
        try {
          const response = await get(url + (opts.readyPath ?? ''))
          if (!opts.okOnly || response.status === 200) return ready(url)
          last = `${url}: status ${response.status}: ${response.body.slice(0, 500)}`
        } catch (error) {
          last = `${url}: ${error}` // not listening yet
        }
      }
    } else {
      // biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI escape sequences start with ESC.
      const match = opts.readyLine.exec(output.replace(/\x1b\[[0-9;]*m/g, ''))
      if (match) return ready(match[1] ?? '')
      last = 'not printed yet'
    }
    if (Date.now() > deadline) {
      await stop()
      throw new Error(
        `\`${describe(cmd, args)}\`: not ready within ${opts.timeoutMs} ms (waited until ${awaited}; last: ${last}):\n${tail(output)}`,
      )
    }
    await sleep('url' in opts ? (opts.pollMs ?? 250) : 20)
  }
}

/** The origin of the last loopback URL the server announced (`localhost` read as 127.0.0.1), if any. */
function announcedUrl(output: string, line: RegExp): string | undefined {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI escape sequences start with ESC.
  const plain = output.replace(/\x1b\[[0-9;]*m/g, '')
  const matches = [...plain.matchAll(new RegExp(line.source, line.flags.includes('g') ? line.flags : `${line.flags}g`))]
  const printed = matches.at(-1)?.[1]
  if (!printed) return undefined
  try {
    const url = new URL(printed)
    if (url.hostname === 'localhost' || url.hostname === '0.0.0.0') url.hostname = '127.0.0.1'
    return ['127.0.0.1', '[::1]'].includes(url.hostname) ? url.origin : undefined
  } catch {
    return undefined
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms))
}
