import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { childEnv } from '@vike-photon/test-kit/env'
import { type BuildResult, buildApp, copyApp, stripAnsi } from '@vike-photon/test-kit/fixture'
import { run as runToEnd, type StartedServer, startServer as startProcess } from '@vike-photon/test-kit/process'

// The package's fixture apps (test/fixtures), copied, built and served with @vike-photon/test-kit.

export type { BuildResult, StartedServer as RunningServer }

const packageDir = fileURLToPath(new URL('../..', import.meta.url))
const fixturesDir = join(packageDir, 'test/fixtures')
/**
 * Fixture apps are copied here (gitignored): inside the package, so that Node finds vike, vite, hono... in the
 * package's node_modules and `vike-photon` itself by self-reference, exactly as an installed app would.
 */
export const testTmpDir = join(packageDir, '.test-tmp')

/**
 * A fresh copy of the shared app (`fixtures/_app`) with the files of `fixtures/<name>` on top. `sourceDir` puts
 * the shared app in a subfolder (an app whose Vite `root` is e.g. `src`).
 */
export function copyFixture(
  name: string,
  { into = testTmpDir, sourceDir = '.' }: { into?: string; sourceDir?: string } = {},
): string {
  const layers = [{ from: join(fixturesDir, '_app'), to: sourceDir }]
  if (name !== '_app') layers.push({ from: join(fixturesDir, name), to: '.' })
  return copyApp(into, name, layers)
}

/** The environment of a user's terminal (without what vitest sets: NODE_ENV=test would make Vite build with `import.meta.env.PROD` false), plus `overrides`. */
export const userEnv = (overrides: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => childEnv(overrides)

export interface Run {
  code: number | null
  stdout: string
  stderr: string
}

/** Runs a command to its end, whatever its exit code, collecting its output (ANSI colors stripped). */
export async function run(
  command: string,
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv },
): Promise<Run> {
  const result = await runToEnd(command, args, { ...options, timeoutMs: 600_000, allowFailure: true })
  return { code: result.code, stdout: stripAnsi(result.stdout), stderr: stripAnsi(result.stderr) }
}

/** Builds a fixture with Vike's JS API in a child process (see buildApp). */
export const buildFixture = buildApp

export interface StartOptions {
  /** The command and its arguments; `node dist/server/index.mjs` by default. */
  command?: [string, ...string[]]
  /** The line that says the server listens; its first group is the URL. */
  ready?: RegExp
  timeoutMs?: number
}

/** Starts `node dist/server/index.mjs` (or `command`) on a free port of 127.0.0.1 and waits until it listens. */
export function startServer(
  root: string,
  env: NodeJS.ProcessEnv = {},
  {
    command = [process.execPath, 'dist/server/index.mjs'],
    ready = /Server running at (http:\/\/[^\s/]+)/,
    timeoutMs = 15_000,
  }: StartOptions = {},
): Promise<StartedServer> {
  return startProcess(command[0], command.slice(1), {
    cwd: root,
    env: { PORT: '0', HOST: '127.0.0.1', ...env },
    readyLine: ready,
    timeoutMs,
  })
}
