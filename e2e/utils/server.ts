import { type ChildProcess, execFile, spawn } from 'node:child_process'
import { createServer } from 'node:net'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
export const exampleDir = (name: string) => join(repoRoot, 'examples', name)

export interface RunningServer {
  url: string
  port: number
  /** Everything the process printed so far (stdout and stderr). */
  output: () => string
  stop: () => Promise<void>
}

/** A port that is free right now on 127.0.0.1. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.unref()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

/**
 * Starts a command that serves HTTP on `PORT` and waits until it answers. The process gets its own process
 * group so that `stop()` also ends what it spawned (Vite's workers, restarters).
 */
export async function startServer(options: {
  cwd: string
  command: string
  args: string[]
  env?: Record<string, string>
  timeoutMs?: number
}): Promise<RunningServer> {
  const port = await freePort()
  let log = ''
  const child: ChildProcess = spawn(options.command, options.args, {
    cwd: options.cwd,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ...options.env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout?.on('data', (chunk) => {
    log += chunk
  })
  child.stderr?.on('data', (chunk) => {
    log += chunk
  })
  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + (options.timeoutMs ?? 30_000)
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${options.command} exited with ${child.exitCode}:\n${log}`)
    try {
      await fetch(`${url}/`, { signal: AbortSignal.timeout(2000) })
      break
    } catch {
      if (Date.now() > deadline) {
        stopProcess(child)
        throw new Error(`${options.command} ${options.args.join(' ')} did not answer on ${url}:\n${log}`)
      }
      await new Promise((r) => setTimeout(r, 200))
    }
  }
  return {
    url,
    port,
    output: () => log,
    stop: async () => {
      stopProcess(child)
      if (child.exitCode === null) await new Promise((r) => child.once('exit', r))
    },
  }
}

function stopProcess(child: ChildProcess) {
  if (child.pid === undefined || child.exitCode !== null) return
  try {
    process.kill(-child.pid, 'SIGTERM')
  } catch {
    child.kill('SIGTERM')
  }
}

const exec = promisify(execFile)

/** `vike build` in an example folder (the real CLI, as a user runs it). */
export async function buildExample(dir: string): Promise<void> {
  await exec(join(dir, 'node_modules', '.bin', 'vike'), ['build'], { cwd: dir, env: process.env })
}

export const vikeBin = (dir: string) => join(dir, 'node_modules', '.bin', 'vike')
