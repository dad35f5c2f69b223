import { type ChildProcess, spawn } from 'node:child_process'
import { childEnv } from './env.js'

// Child processes of the tests: commands run to completion (`run`) and servers (`startServer`). Each gets its own
// process group, so that stopping it also stops what it started (Vite's workers, workerd, restarters), and a server
// still running when the test process ends is killed.

export type RunResult = {
  code: number | null
  signal: NodeJS.Signals | null
  /** stdout and stderr, interleaved */
  output: string
  stdout: string
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

/** Kills a child started with `detached: true` together with everything it started (its process group). */
function killGroup(child: ChildProcess, signal: NodeJS.Signals) {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return
  try {
    process.kill(-child.pid, signal)
  } catch {
    // already gone
  }
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
    let output = ''
    let stdout = ''
    child.stdout?.on('data', (d) => {
      output += d
      stdout += d
    })
    child.stderr?.on('data', (d) => {
      output += d
    })
    let timedOut = false
    const timer = setTimeout(() => {
      timedOut = true
      killGroup(child, 'SIGKILL')
    }, opts.timeoutMs)
    child.on('error', (err) => {
      clearTimeout(timer)
      reject(new Error(`\`${describe(cmd, args)}\` could not start in ${opts.cwd}: ${err.message}`))
    })
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      const result = { code, signal, output, stdout }
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
  url: string
  /** Everything the server printed so far. */
  output(): string
  stop(): Promise<void>
}

const running = new Set<ChildProcess>()
// Safety net: a test that throws before its `finally` must not leave a server behind.
process.on('exit', () => {
  for (const child of running) killGroup(child, 'SIGKILL')
})

/**
 * Starts a long-running server command and waits until `url` + `readyPath` answers HTTP: any status, or 200 with
 * `okOnly`. Fails with the server's output if it exits first or does not answer within `timeoutMs`.
 */
export async function startServer(
  cmd: string,
  args: string[],
  opts: {
    cwd: string
    env?: Record<string, string | undefined>
    url: string
    timeoutMs: number
    readyPath?: string
    okOnly?: boolean
  },
): Promise<RunningServer> {
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

  const readyUrl = opts.url + (opts.readyPath ?? '')
  const deadline = Date.now() + opts.timeoutMs
  let last = 'no answer'
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      running.delete(child)
      throw new Error(
        `\`${describe(cmd, args)}\` exited (${child.exitCode ?? child.signalCode}) before ${readyUrl} answered:\n${tail(output)}`,
      )
    }
    try {
      const response = await fetch(readyUrl, { signal: AbortSignal.timeout(10_000), redirect: 'manual' })
      if (!opts.okOnly || response.status === 200) return { url: opts.url, output: () => output, stop }
      last = `status ${response.status}: ${(await response.text()).slice(0, 500)}`
    } catch (error) {
      last = String((error as Error).cause ?? error) // not listening yet
    }
    if (Date.now() > deadline) {
      await stop()
      throw new Error(
        `\`${describe(cmd, args)}\`: ${readyUrl} did not answer${opts.okOnly ? ' 200' : ''} within ${opts.timeoutMs} ms (last: ${last}):\n${tail(output)}`,
      )
    }
    await sleep(250)
  }
}

function sleep(ms: number) {
  return new Promise((r) => setTimeout(r, ms))
}
