import { existsSync } from 'node:fs'
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { dirname, join, relative } from 'node:path'
import { type RunResult, run } from '@vike-photon/test-kit/process'
import { sourceFiles } from './apps'
import { scratchRoot, vikePhotonDir, workspaceRoot } from './paths'

export const todoMarker = 'TODO(vike-photon migrate)'

/** The packages a migrated app must no longer depend on or import. */
export const legacyPackages = [
  'vike-server',
  'vike-node',
  'vike-cloudflare',
  'vite-plugin-vercel',
  '@vite-plugin-vercel/vike',
  'vike-vercel',
]

/** One manual step, as the CLI's `--json` report lists it. */
export type MigrateTodo = { file: string; line: number; message: string }

export type MigrateResult = RunResult & {
  /** The manual steps the CLI reported (`--json`), or none when it was run without `--json`. */
  todos: MigrateTodo[]
  /** `git status --porcelain` after the run: the files the CLI touched. */
  status: string
  /** What the CLI changed, new files included. */
  diff: string
}

/** `vike-photon migrate` exit codes (packages/vike-photon/src/cli/migrate.ts). */
const exitCodes = { ok: 0, manualSteps: 2 }

const cliBin = join(vikePhotonDir, 'bin', 'vike-photon.js')
const cliBuild = join(vikePhotonDir, 'dist', 'cli', 'index.js')

/**
 * Runs `vike-photon migrate --yes <dir>` with the workspace's CLI, as a user would run `npx vike-photon migrate`
 * on the app folder: the app is a git repository with everything committed first. Nothing is edited by hand
 * afterwards: the after app is what the CLI left behind.
 *
 * `expect: 'changes'` (a legacy app) runs with `--json` and fails when the CLI fails or changes nothing;
 * `expect: 'no-changes'` (an app it already migrated) runs the human-readable form and fails when anything changes.
 */
export async function migrate(dir: string, { expect }: { expect: 'changes' | 'no-changes' }): Promise<MigrateResult> {
  if (!existsSync(cliBin) || !existsSync(cliBuild)) {
    throw new Error(
      `vike-photon migrate is not available: ${relative(workspaceRoot, cliBuild)} does not exist.\n` +
        'The CLI is built from packages/vike-photon/src/cli (issue 3). Once it is on this branch, ' +
        '`bash scripts/setup.sh` (or `pnpm --filter vike-photon build`) builds it.',
    )
  }
  await commitAll(dir, expect === 'changes' ? 'before migrating' : 'migrated')
  const args = ['migrate', '--yes', ...(expect === 'changes' ? ['--json'] : []), dir]
  const cli = `\`vike-photon ${args.join(' ')}\``
  // Run from the parent folder: the CLI must work on the folder it is given, not on its cwd.
  const result = await run('node', [cliBin, ...args], { cwd: dirname(dir), timeoutMs: 60_000, allowFailure: true })
  if (result.code !== exitCodes.ok && result.code !== exitCodes.manualSteps) {
    throw new Error(`${cli} failed (exit ${result.code ?? result.signal}). Its output:\n${result.output}`)
  }
  let todos: MigrateTodo[] = []
  if (expect === 'changes') {
    let report: { todos?: MigrateTodo[] }
    try {
      report = JSON.parse(result.stdout)
    } catch {
      throw new Error(`${cli} did not print a JSON report. Its output:\n${result.output}`)
    }
    todos = report.todos ?? []
    if ((result.code === exitCodes.manualSteps) !== todos.length > 0) {
      throw new Error(`${cli} exited ${result.code} but reported ${todos.length} manual steps:\n${result.output}`)
    }
  }
  const { status, diff } = await changes(dir)
  if (expect === 'changes' && status === '') {
    throw new Error(
      `${cli} exited ${result.code} but changed nothing in this legacy app (is the CLI implemented yet?). ` +
        `Its output:\n${result.output}`,
    )
  }
  if (expect === 'no-changes' && status !== '') {
    throw new Error(`${cli} changed an app it had already migrated:\n${status}\n\n${diff}`)
  }
  return { ...result, todos, status, diff }
}

export async function findTodos(dir: string): Promise<string[]> {
  const todos: string[] = []
  for (const file of await sourceFiles(dir)) {
    if (file.endsWith('.yaml') && file.includes('lock')) continue
    const lines = (await readFile(join(dir, file), 'utf8')).split('\n')
    lines.forEach((line, i) => {
      if (line.includes(todoMarker)) todos.push(`${file}:${i + 1}: ${line.trim()}`)
    })
  }
  return todos
}

let packed: Promise<string> | undefined

/** Tarballs packed by earlier runs (a worker's own folder is named after its pid and only lives for that run). */
async function removeStalePacks() {
  if (!existsSync(scratchRoot)) return
  const hourAgo = Date.now() - 3_600_000
  for (const name of await readdir(scratchRoot)) {
    if (!name.startsWith('vike-photon-pack-')) continue
    const dir = join(scratchRoot, name)
    if ((await stat(dir)).mtimeMs < hourAgo) await rm(dir, { recursive: true, force: true })
  }
}

/**
 * The workspace's vike-photon as a tarball (`pnpm pack` resolves its `catalog:` versions), packed once per
 * worker. Installing the tarball gives the app its own copy with peers (vike, vite) resolved from the app, the
 * way the npm release will install.
 */
function packVikePhoton(): Promise<string> {
  packed ??= (async () => {
    if (!existsSync(join(vikePhotonDir, 'dist', 'config.js'))) {
      throw new Error(
        `${relative(workspaceRoot, vikePhotonDir)} is not built (dist/config.js is missing): run \`bash scripts/setup.sh\`.`,
      )
    }
    const dest = join(scratchRoot, `vike-photon-pack-${process.pid}`)
    await removeStalePacks()
    await mkdir(dest, { recursive: true })
    await run('pnpm', ['pack', '--pack-destination', dest], { cwd: vikePhotonDir, timeoutMs: 60_000 })
    const tgz = (await readdir(dest)).find((f) => f.endsWith('.tgz'))
    if (!tgz) throw new Error(`pnpm pack wrote no tarball to ${dest}`)
    return join(dest, tgz)
  })()
  return packed
}

/**
 * Points the migrated app's `vike-photon` dependency (whatever version the CLI wrote) at the workspace build.
 * This is the one edit the harness makes, and it is not a migration step: the package is not published yet.
 * By default the app gets the packed tarball, installed like a registry package; `E2E_VIKE_PHOTON_INSTALL=link`
 * symlinks the package folder instead (`link:`), which resolves vike-photon's own dependencies from the workspace.
 */
export async function useWorkspaceVikePhoton(dir: string) {
  const file = join(dir, 'package.json')
  const text = await readFile(file, 'utf8')
  const pkg = JSON.parse(text) as Record<string, Record<string, string> | undefined>
  const section = ['dependencies', 'devDependencies'].find((s) => pkg[s]?.['vike-photon'] !== undefined)
  if (!section) throw new Error(`vike-photon migrate did not add vike-photon to ${file}:\n${text}`)
  pkg[section]!['vike-photon'] =
    process.env.E2E_VIKE_PHOTON_INSTALL === 'link' ? `link:${vikePhotonDir}` : `file:${await packVikePhoton()}`
  await writeFile(file, `${JSON.stringify(pkg, null, 2)}\n`)
}

const git = (dir: string, args: string[]) =>
  run('git', ['-c', 'user.name=e2e', '-c', 'user.email=e2e@example.invalid', ...args], {
    cwd: dir,
    timeoutMs: 30_000,
  })

/** Makes the copied app a git repository with everything committed, as a user's app would be before migrating. */
async function commitAll(dir: string, message: string) {
  if (!existsSync(join(dir, '.git'))) await git(dir, ['init', '-q'])
  await git(dir, ['add', '-A'])
  await git(dir, ['commit', '-q', '--allow-empty', '-m', message])
}

/** What changed since the last commit: `git status --porcelain` and the full diff (new files included). */
async function changes(dir: string): Promise<{ status: string; diff: string }> {
  await git(dir, ['add', '-A', '--intent-to-add'])
  const status = (await git(dir, ['status', '--porcelain'])).output.trimEnd()
  const diff = (await git(dir, ['diff'])).output
  return { status, diff }
}
