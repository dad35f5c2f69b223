// Preparing a variant: copy the shared app and the variant's own files into a work folder, install its
// dependencies in isolation (outside the workspace: upstream vike-photon has the same name as ours), build it.
import { existsSync } from 'node:fs'
import { cp, mkdir, readdir, rename, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { type RunOptions, run } from '@vike-photon/test-kit/process'
import { paths } from './paths'
import type { Variant } from './variants'

/** The work folder of a variant. Same depth as apps/<id>, so relative paths in package.json mean the same there. */
export function workDir(variant: Variant): string {
  return join(paths.cache, variant.id)
}

/** Why a variant cannot run yet, or undefined when it can. */
export function unavailableReason(variant: Variant): string | undefined {
  if (!existsSync(join(paths.apps, variant.id, 'package.json'))) return `no apps/${variant.id}/package.json`
  if (variant.workspacePackage) {
    if (!existsSync(join(paths.workspacePackage, 'package.json'))) return 'packages/vike-photon does not exist'
    if (!existsSync(join(paths.workspacePackage, 'dist', 'config.js'))) {
      return 'packages/vike-photon is not built (no dist/config.js): run `pnpm build` at the root'
    }
  }
}

/**
 * Packs packages/vike-photon into `.cache/vike-photon.tgz`, the way npm would ship it (pnpm replaces `catalog:`
 * versions), so the app gets its own copy with peers (vike, vite) resolved from the app, not from the workspace.
 */
export async function packWorkspacePackage(): Promise<void> {
  await mkdir(paths.cache, { recursive: true })
  const tmp = join(paths.cache, 'pack')
  await rm(tmp, { recursive: true, force: true })
  await runPnpm(['pack', '--pack-destination', tmp], { cwd: paths.workspacePackage, timeoutMs: TEN_MINUTES })
  const [tarball] = await readdir(tmp)
  if (!tarball) throw new Error('pnpm pack wrote no tarball for packages/vike-photon')
  await rename(join(tmp, tarball), join(paths.cache, 'vike-photon.tgz'))
  await rm(tmp, { recursive: true, force: true })
}

/** Copies the sources into the work folder (keeping node_modules) and installs dependencies. */
export async function prepare(variant: Variant): Promise<void> {
  const dir = workDir(variant)
  await mkdir(dir, { recursive: true })
  for (const entry of await readdir(dir)) {
    if (entry !== 'node_modules') await rm(join(dir, entry), { recursive: true, force: true })
  }
  await cp(paths.sharedApp, dir, { recursive: true, filter: (src) => !src.endsWith('README.md') })
  await cp(join(paths.apps, variant.id), dir, { recursive: true, force: true })

  const install = ['install', '--ignore-workspace', '--prefer-offline', '--reporter=silent']
  if (variant.workspacePackage) {
    // A fresh resolution each time: the tarball changes whenever the package is rebuilt.
    await rm(join(dir, 'node_modules'), { recursive: true, force: true })
    await runPnpm([...install, '--no-frozen-lockfile'], { cwd: dir, timeoutMs: TEN_MINUTES })
  } else {
    await runPnpm([...install, '--frozen-lockfile'], { cwd: dir, timeoutMs: TEN_MINUTES })
  }
}

/** Runs `vike build` from a clean dist/ and returns its wall-clock time in milliseconds. */
export async function build(variant: Variant, env: Record<string, string> = {}): Promise<number> {
  const dir = workDir(variant)
  await rm(join(dir, 'dist'), { recursive: true, force: true })
  const vikeBin = join(dir, 'node_modules', 'vike', 'bin.js')
  const start = performance.now()
  await run(process.execPath, [vikeBin, 'build'], {
    cwd: dir,
    timeoutMs: TEN_MINUTES,
    env: { ...env, NODE_ENV: 'production' },
  })
  const elapsed = performance.now() - start
  if (!existsSync(join(dir, variant.entry))) {
    throw new Error(`vike build did not write ${variant.entry} for ${variant.id}`)
  }
  return elapsed
}

/** Total size of the files under `dir`, in bytes. */
export async function dirSize(dir: string): Promise<number> {
  let total = 0
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) total += await dirSize(path)
    else if (entry.isFile()) total += (await stat(path)).size
  }
  return total
}

/** The timeout of installs and builds. */
export const TEN_MINUTES = 10 * 60_000

/** Runs the workspace's pnpm (see `pnpm()`). */
export function runPnpm(args: string[], options: Omit<RunOptions, 'allowFailure'>) {
  const [command = 'pnpm', ...prefix] = pnpm()
  return run(command, [...prefix, ...args], options)
}

/** How to call pnpm: the one running this script when there is one, else `pnpm` from PATH. */
export function pnpm(): string[] {
  const execPath = process.env.npm_execpath
  if (execPath && /pnpm/.test(execPath)) return [process.execPath, execPath]
  return ['pnpm']
}
