import { type ChildProcess, spawn } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

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
  mkdirSync(into, { recursive: true })
  const root = mkdtempSync(join(into, `${name}-`))
  cpSync(join(fixturesDir, '_app'), join(root, sourceDir), { recursive: true })
  if (name !== '_app') cpSync(join(fixturesDir, name), root, { recursive: true })
  return root
}

export interface Run {
  code: number | null
  stdout: string
  stderr: string
}

/**
 * The environment of a user's terminal: without what vitest sets (NODE_ENV=test would make Vite build with
 * `import.meta.env.PROD` false), plus `overrides`.
 */
export function userEnv(overrides: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env = { ...process.env }
  for (const key of Object.keys(env)) if (key === 'NODE_ENV' || key.startsWith('VITEST')) delete env[key]
  return { ...env, ...overrides }
}

/** Runs a command to its end, collecting its output (ANSI colors stripped). */
export function run(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: userEnv(options.env) })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => {
      stdout += chunk
    })
    child.stderr.on('data', (chunk) => {
      stderr += chunk
    })
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout: stripAnsi(stdout), stderr: stripAnsi(stderr) }))
  })
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI escape sequences start with ESC.
const stripAnsi = (text: string) => text.replace(/\x1b\[[0-9;]*m/g, '')

export interface BuildResult extends Run {
  /** The message of the error the build threw, with the fixture's root replaced by `<root>`. */
  error: string | null
}

/**
 * Builds a fixture with Vike's JS API (`build()` from 'vike/api'), in a child process: Vike and Vite keep
 * global state, and a separate process also shows exactly what a user sees in their terminal.
 */
export async function buildFixture(
  root: string,
  env: NodeJS.ProcessEnv = {},
  { viteRoot = true }: { viteRoot?: boolean } = {},
): Promise<BuildResult> {
  // `viteRoot: false` leaves Vite's root to the app's vite.config (e.g. `root: 'src'`).
  const viteConfig = viteRoot ? "{ root: process.cwd(), logLevel: 'warn' }" : "{ logLevel: 'warn' }"
  const script = `
    import { build } from 'vike/api'
    try {
      await build({ viteConfig: ${viteConfig} })
    } catch (error) {
      console.log('BUILD_ERROR:' + JSON.stringify(String(error?.message ?? error)))
      process.exitCode = 1
    }
  `
  // A file, not `node -e`: Vike reads process.argv[1].
  writeFileSync(join(root, '.build.mjs'), script)
  const result = await run(process.execPath, ['.build.mjs'], { cwd: root, env })
  const marker = result.stdout.split('\n').find((line) => line.startsWith('BUILD_ERROR:'))
  const error = marker ? (JSON.parse(marker.slice('BUILD_ERROR:'.length)) as string).replaceAll(root, '<root>') : null
  return { ...result, error }
}

export interface RunningServer {
  url: string
  process: ChildProcess
  output: () => string
  stop: () => Promise<void>
}

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
): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    const child = spawn(command[0], command.slice(1), {
      cwd: root,
      env: userEnv({ PORT: '0', HOST: '127.0.0.1', ...env }),
    })
    let output = ''
    const timer = setTimeout(() => {
      child.kill()
      reject(new Error(`The server did not start within ${timeoutMs / 1000} s:\n${output}`))
    }, timeoutMs)
    const onData = (chunk: Buffer) => {
      output += chunk
      const match = ready.exec(stripAnsi(output))
      if (match) {
        clearTimeout(timer)
        resolve({
          url: match[1]!,
          process: child,
          output: () => stripAnsi(output),
          stop: () =>
            new Promise((done) => {
              if (child.exitCode !== null) return done()
              child.once('exit', () => done())
              child.kill()
            }),
        })
      }
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', onData)
    child.on('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`The server exited with code ${code} before listening:\n${stripAnsi(output)}`))
    })
  })
}
