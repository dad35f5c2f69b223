import { existsSync, readFileSync } from 'node:fs'
import { readFile, writeFile } from 'node:fs/promises'
import { dirname, join, relative } from 'node:path'
import type { CorpusApp } from './list'
import { pnpmBin } from './paths'
import { type AppLog, exec, StepError } from './steps'

// Step "install": the app's own package manager, as its owner would run it after migrating, with no
// --legacy-peer-deps and no --force. The lockfile is stale by design (migrate changed package.json).

export type PackageManager = CorpusApp['packageManager']

const lockfiles = ['pnpm-lock.yaml', 'package-lock.json', 'yarn.lock', 'bun.lock', 'bun.lockb', 'npm-shrinkwrap.json']

/** The only registry this machine reaches; yarn would otherwise go to its own. */
const registry = process.env.npm_config_registry || 'https://registry.npmjs.org'

/**
 * Points the migrated app's `vike-photon` dependency (whatever version migrate wrote) at the packed tarball,
 * editing that one value so the file keeps its own formatting.
 */
export async function useTarball(appDir: string, tarball: string) {
  const file = join(appDir, 'package.json')
  const text = await readFile(file, 'utf8')
  const edited = text.replace(
    /("vike-photon"\s*:\s*)"[^"]*"/,
    (_m, key: string) => `${key}${JSON.stringify(`file:${tarball}`)}`,
  )
  if (edited === text) throw new StepError('migrate did not add vike-photon to package.json')
  await writeFile(file, edited)
}

/**
 * Where the install runs: the nearest folder from the app up to the repository root with a lockfile or a
 * workspace. An app inside a pnpm workspace that uses none of its packages (an example in a library's repository)
 * installs on its own (`--ignore-workspace`), as whoever copies the example does.
 */
export function installRoot(repoDir: string, appDir: string): { dir: string; alone: boolean } {
  const above = ancestors(repoDir, appDir).slice(1)
  if (above.some((dir) => existsSync(join(dir, 'pnpm-workspace.yaml'))) && !usesWorkspace(appDir)) {
    return { dir: appDir, alone: true }
  }
  for (const dir of ancestors(repoDir, appDir)) {
    if (lockfiles.some((f) => existsSync(join(dir, f))) || existsSync(join(dir, 'pnpm-workspace.yaml'))) {
      return { dir, alone: false }
    }
    const pkg = join(dir, 'package.json')
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { workspaces?: unknown }).workspaces) {
      return { dir, alone: false }
    }
  }
  return { dir: appDir, alone: false }
}

/** The app folder, its parent, ... up to the repository root. */
function ancestors(repoDir: string, appDir: string): string[] {
  const dirs = [appDir]
  while (dirs.at(-1) !== repoDir && !relative(repoDir, dirs.at(-1)!).startsWith('..')) dirs.push(dirname(dirs.at(-1)!))
  return dirs
}

/** Whether the app depends on a package of its workspace (or a version from the workspace's catalog). */
function usesWorkspace(appDir: string): boolean {
  return /"(workspace|catalog):/.test(readFileSync(join(appDir, 'package.json'), 'utf8'))
}

/** How to run the app's package manager: the command, its leading arguments, its environment, its install. */
export type PackageManagerCommand = { cmd: string; args: string[]; env: Record<string, string>; install: string[] }

export function packageManagerCommand(pm: PackageManager, root: string): PackageManagerCommand {
  if (pm === 'pnpm') {
    return {
      cmd: pnpmBin,
      args: ['--config.manage-package-manager-versions=false'],
      env: {},
      // Copies, not hard links: @brillout/vite-plugin-server-entry rewrites its own file at build time, and a
      // hard link would share that write with every other app built on this machine.
      install: ['install', '--no-frozen-lockfile', '--package-import-method=copy', '--reporter=append-only'],
    }
  }
  if (pm === 'yarn') {
    const yarnPath = /^yarnPath:\s*["']?([^"'\n]+)/m.exec(readIfExists(join(root, '.yarnrc.yml')))?.[1]?.trim()
    if (yarnPath) {
      // Yarn 2+ with its own release in the repository (corepack cannot run here: no signatures on this mirror).
      return {
        cmd: 'node',
        args: [join(root, yarnPath)],
        env: {
          YARN_ENABLE_IMMUTABLE_INSTALLS: 'false',
          YARN_NPM_REGISTRY_SERVER: registry,
          YARN_ENABLE_TELEMETRY: '0',
          YARN_ENABLE_GLOBAL_CACHE: 'true',
        },
        install: ['install'],
      }
    }
    return {
      cmd: 'npx',
      args: ['--yes', 'yarn@1.22.22'],
      env: { YARN_REGISTRY: registry },
      // Yarn 1 fetches from the registry its lockfile names; on a loaded machine its 30 s default is too short.
      install: ['install', '--non-interactive', '--network-timeout', '600000'],
    }
  }
  // npm, and Bun and Deno apps: neither runtime is on this machine, npm resolves them afresh.
  return { cmd: 'npm', args: [], env: {}, install: ['install', '--no-audit', '--no-fund'] }
}

/** Peer dependency complaints in an install's output (pnpm, npm and yarn spell them differently). */
const peerWarning =
  /unmet peer|overriding peer dependency|incorrect peer dependency|YN0060|Could not resolve dependency:/i

export async function install(
  log: AppLog,
  app: CorpusApp,
  repoDir: string,
  appDir: string,
): Promise<{ root: string; peerWarnings: number }> {
  const { dir: root, alone } = installRoot(repoDir, appDir)
  const { cmd, args, env, install: installCmd } = packageManagerCommand(app.packageManager, root)
  const standalone = alone && app.packageManager === 'pnpm' ? ['--ignore-workspace'] : []
  const result = await exec(log, cmd, [...args, ...installCmd, ...standalone], {
    cwd: root,
    timeoutMs: 900_000,
    env: { ...app.env, ...env, CI: undefined },
  })
  const peerWarnings = result.output.split('\n').filter((l) => peerWarning.test(l)).length
  return { root, peerWarnings }
}

function readIfExists(file: string): string {
  return existsSync(file) ? readFileSync(file, 'utf8') : ''
}
