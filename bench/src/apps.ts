// Preparing a variant: copy the shared app and the variant's own files into a work folder, install its
// dependencies in isolation (outside the workspace: upstream vike-photon has the same name as ours), build it.
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
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

/** One `vike build`: wall-clock time, and the CPU time (user + system) of the build's process tree. */
export interface BuildTime {
  wallMs: number
  /** Undefined where /proc is missing (not Linux). */
  cpuMs: number | undefined
}

/** Runs `vike build` from a clean dist/ and returns how long it took. */
export async function build(variant: Variant, env: Record<string, string> = {}): Promise<BuildTime> {
  const dir = workDir(variant)
  await rm(join(dir, 'dist'), { recursive: true, force: true })
  const vikeBin = join(dir, 'node_modules', 'vike', 'bin.js')
  // Nothing else of ours runs meanwhile: the CPU our reaped children gained is the build's (its worker threads
  // included, and any process it started and waited for).
  const cpuBefore = childrenCpuMs()
  const start = performance.now()
  await run(process.execPath, [vikeBin, 'build'], {
    cwd: dir,
    timeoutMs: TEN_MINUTES,
    env: { ...env, NODE_ENV: 'production' },
  })
  const wallMs = performance.now() - start
  const cpuAfter = childrenCpuMs()
  if (!existsSync(join(dir, variant.entry))) {
    throw new Error(`vike build did not write ${variant.entry} for ${variant.id}`)
  }
  const cpuMs = cpuBefore !== undefined && cpuAfter !== undefined ? cpuAfter - cpuBefore : undefined
  return { wallMs, cpuMs }
}

let clockTicks: number | undefined

/**
 * CPU time (user + system) of this process's children that ended and were waited for, in milliseconds: fields
 * `cutime` and `cstime` of /proc/self/stat. Undefined without /proc.
 */
export function childrenCpuMs(): number | undefined {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8')
    // Fields after the command name (which may contain spaces): state is field 3, cutime 16, cstime 17.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    clockTicks ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100
    return ((Number(fields[13]) + Number(fields[14])) / clockTicks) * 1000
  } catch {
    return undefined
  }
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
