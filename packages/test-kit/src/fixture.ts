import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { run } from './process.js'

/** One folder copied into the app: `from`, into the app's `to` (its root by default). */
export interface Layer {
  from: string
  to?: string
}

/** A fresh app folder `<into>/<name>-XXXXXX` made of `layers`, each copied on top of the previous ones. */
export function copyApp(into: string, name: string, layers: Layer[]): string {
  mkdirSync(into, { recursive: true })
  const root = mkdtempSync(join(into, `${name}-`))
  for (const { from, to = '.' } of layers) cpSync(from, join(root, to), { recursive: true })
  return root
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI escape sequences start with ESC.
export const stripAnsi = (text: string) => text.replace(/\x1b\[[0-9;]*m/g, '')

export interface BuildResult {
  code: number | null
  stdout: string
  stderr: string
  /** The message of the error the build threw, with the app's root replaced by `<root>`. */
  error: string | null
}

/**
 * Builds an app with Vike's JS API (`build()` from 'vike/api', resolved from the app), in a child process: Vike
 * and Vite keep global state, and a separate process also shows exactly what a user sees in their terminal.
 * `viteRoot: false` leaves Vite's root to the app's vite.config (e.g. `root: 'src'`).
 */
export async function buildApp(
  root: string,
  env: Record<string, string | undefined> = {},
  { viteRoot = true, timeoutMs = 600_000 }: { viteRoot?: boolean; timeoutMs?: number } = {},
): Promise<BuildResult> {
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
  const result = await run(process.execPath, ['.build.mjs'], { cwd: root, env, timeoutMs, allowFailure: true })
  const stdout = stripAnsi(result.stdout)
  const marker = stdout.split('\n').find((line) => line.startsWith('BUILD_ERROR:'))
  const error = marker ? (JSON.parse(marker.slice('BUILD_ERROR:'.length)) as string).replaceAll(root, '<root>') : null
  return { code: result.code, stdout, stderr: stripAnsi(result.stderr), error }
}
