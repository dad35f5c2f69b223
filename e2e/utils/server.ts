import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { freePort } from '@vike-photon/test-kit/ports'
import { run, startServer as startProcess } from '@vike-photon/test-kit/process'

// The examples (examples/*) as the Node specs drive them: built with `vike build`, served by a command on a free port.

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
export const exampleDir = (name: string) => join(repoRoot, 'examples', name)
export const vikeBin = (dir: string) => join(dir, 'node_modules', '.bin', 'vike')

export interface RunningServer {
  url: string
  port: number
  /** Everything the process printed so far (stdout and stderr). */
  output: () => string
  stop: () => Promise<void>
}

/** Starts a command that serves HTTP on `PORT` (127.0.0.1, a free port) and waits until it answers. */
export async function startServer(options: {
  cwd: string
  command: string
  args: string[]
  env?: Record<string, string>
  timeoutMs?: number
}): Promise<RunningServer> {
  const port = await freePort()
  const server = await startProcess(options.command, options.args, {
    cwd: options.cwd,
    env: { PORT: String(port), HOST: '127.0.0.1', ...options.env },
    url: `http://127.0.0.1:${port}`,
    timeoutMs: options.timeoutMs ?? 30_000,
  })
  return { ...server, port }
}

/** `vike build` in an example folder (the real CLI, as a user runs it). */
export async function buildExample(dir: string): Promise<void> {
  await run(vikeBin(dir), ['build'], { cwd: dir, timeoutMs: 180_000 })
}
