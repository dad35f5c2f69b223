import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

// Starts the commands the Cloudflare specs drive (vike dev, vike preview, wrangler dev) in examples/cloudflare-react,
// each in its own process group so that stopping it also stops workerd.

export const exampleDir = fileURLToPath(new URL('../../examples/cloudflare-react/', import.meta.url))
const bin = (name: string) => `${exampleDir}node_modules/.bin/${name}`

// Servers still running when the test process ends (a hook that timed out never reaches its afterAll).
const running = new Set<ChildProcess>()
process.once('exit', () => {
  for (const child of running) {
    try {
      process.kill(-child.pid!, 'SIGKILL')
    } catch {}
  }
})

export interface RunningServer {
  url: string
  /** Everything the command printed, for failure messages. */
  output: () => string
  stop: () => Promise<void>
}

/** Runs a command of the example to completion (e.g. `vike build`); throws with its output if it fails. */
export function runInExample(name: string, args: string[]): string {
  const result = spawnSync(bin(name), args, {
    cwd: exampleDir,
    encoding: 'utf8',
    env: { ...process.env, CI: '1', NO_COLOR: '1', FORCE_COLOR: '0' },
  })
  const output = `${result.stdout}${result.stderr}`
  if (result.status !== 0) throw new Error(`${name} ${args.join(' ')} failed (exit ${result.status}):\n${output}`)
  return output
}

/** Spawns a server of the example and resolves once `readyPath` answers 200. */
export async function startServer(
  name: string,
  args: string[],
  { port, readyPath = '/', timeoutMs = 90_000 }: { port: number; readyPath?: string; timeoutMs?: number },
): Promise<RunningServer> {
  const child = spawn(bin(name), args, {
    cwd: exampleDir,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, CI: '1', NO_COLOR: '1', FORCE_COLOR: '0' },
  })
  running.add(child)
  child.once('exit', () => running.delete(child))
  let output = ''
  child.stdout?.on('data', (chunk) => {
    output += chunk
  })
  child.stderr?.on('data', (chunk) => {
    output += chunk
  })
  const url = `http://127.0.0.1:${port}`
  const server: RunningServer = { url, output: () => output, stop: () => stop(child) }
  const deadline = Date.now() + timeoutMs
  let last = 'no answer'
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} ${args.join(' ')} exited early:\n${output}`)
    try {
      const response = await fetch(url + readyPath, { signal: AbortSignal.timeout(10_000) })
      if (response.status === 200) return server
      last = `status ${response.status}: ${(await response.text()).slice(0, 500)}`
    } catch (error) {
      // Not listening yet.
      last = String((error as Error).cause ?? error)
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  await server.stop()
  throw new Error(
    `${name} ${args.join(' ')} did not answer ${url}${readyPath} within ${timeoutMs} ms (last: ${last}):\n${output}`,
  )
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || !child.pid) return
  const exited = new Promise((resolve) => child.once('exit', resolve))
  try {
    process.kill(-child.pid, 'SIGTERM')
  } catch {
    return
  }
  const timer = setTimeout(() => {
    try {
      process.kill(-child.pid!, 'SIGKILL')
    } catch {}
  }, 5_000)
  await exited
  clearTimeout(timer)
}
