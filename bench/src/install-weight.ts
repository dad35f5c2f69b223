// What an app installs: the same Hono app's dependencies (apps/<id>/package.json) with this workspace's
// vike-photon (packed), upstream vike-photon 0.1.26 and Vike's own `+server`, each installed with pnpm and with
// npm into a fresh folder outside the workspace. Prints the number of packages (distinct name@version) and the
// size of node_modules, then exits 1 if ours installs more packages than upstream with either package manager.
//
//   pnpm --filter @vike-photon/bench install-weight
import { type Dirent, existsSync, readdirSync, readFileSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { run } from '@vike-photon/test-kit/process'
import { dirSize, packWorkspacePackage, pnpm, TEN_MINUTES } from './apps'
import { paths } from './paths'

interface Row {
  id: string
  what: string
}

const rows: Row[] = [
  { id: 'photon-hono', what: 'vike-photon (this workspace, packed) + Hono' },
  { id: 'upstream-photon-hono', what: 'vike-photon 0.1.26 (npm) + Hono' },
  { id: 'vike-plus-server-hono', what: "Vike's built-in +server + Hono" },
]

const managers = {
  pnpm: [...pnpm(), 'install', '--ignore-workspace', '--prefer-offline', '--ignore-scripts', '--reporter=silent'],
  npm: ['npm', 'install', '--prefer-offline', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'],
} as const
type Manager = keyof typeof managers

/**
 * Distinct `name@version` of every package installed below `dir`/node_modules. A package counts where its real
 * folder is: npm nests them (node_modules/a/node_modules/b), pnpm keeps them in node_modules/.pnpm/<id>/node_modules
 * and links them everywhere else (symlinks are skipped).
 */
function installedPackages(dir: string): Set<string> {
  const found = new Set<string>()
  const visit = (nodeModules: string) => {
    const entries = readdirSync(nodeModules, { withFileTypes: true })
    for (const entry of entries) {
      const path = join(nodeModules, entry.name)
      if (entry.name === '.pnpm') {
        for (const id of readdirSync(path))
          if (existsSync(join(path, id, 'node_modules'))) visit(join(path, id, 'node_modules'))
      } else if (entry.name.startsWith('@') && entry.isDirectory()) {
        for (const scoped of readdirSync(path, { withFileTypes: true })) visitPackage(scoped, join(path, scoped.name))
      } else if (!entry.name.startsWith('.')) {
        visitPackage(entry, path)
      }
    }
  }
  const visitPackage = (entry: Dirent, path: string) => {
    if (!entry.isDirectory() || !existsSync(join(path, 'package.json'))) return
    const pkg = JSON.parse(readFileSync(join(path, 'package.json'), 'utf8')) as { name?: string; version?: string }
    if (pkg.name && pkg.version) found.add(`${pkg.name}@${pkg.version}`)
    if (existsSync(join(path, 'node_modules'))) visit(join(path, 'node_modules'))
  }
  visit(join(dir, 'node_modules'))
  return found
}

async function install(
  row: Row,
  manager: Manager,
  tarball: string,
): Promise<{ packages: Set<string>; bytes: number; ms: number }> {
  const dir = await mkdtemp(join(tmpdir(), `vike-photon-install-${row.id}-${manager}-`))
  try {
    const pkg = JSON.parse(await readFile(join(paths.apps, row.id, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>
    }
    if (pkg.dependencies['vike-photon']?.startsWith('file:')) pkg.dependencies['vike-photon'] = `file:${tarball}`
    await writeFile(
      join(dir, 'package.json'),
      JSON.stringify({ name: 'app', private: true, type: 'module', dependencies: pkg.dependencies }),
    )
    const [command, ...args] = managers[manager]
    const started = performance.now()
    await run(command!, args, { cwd: dir, timeoutMs: TEN_MINUTES })
    const ms = performance.now() - started
    // pnpm's files are hard links into its store: count each file once, where the app sees it.
    return { packages: installedPackages(dir), bytes: await dirSize(join(dir, 'node_modules')), ms }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

async function main() {
  await mkdir(paths.cache, { recursive: true })
  console.log('› packing packages/vike-photon')
  await packWorkspacePackage()
  const tarball = join(paths.cache, 'vike-photon.tgz')
  const tarballKb = (await stat(tarball)).size / 1024

  const results: Record<string, Partial<Record<Manager, Awaited<ReturnType<typeof install>>>>> = {}
  for (const manager of Object.keys(managers) as Manager[]) {
    for (const row of rows) {
      console.log(`› ${manager}: ${row.id}`)
      results[row.id] = { ...results[row.id], [manager]: await install(row, manager, tarball) }
    }
  }

  const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`
  const table = [
    ['app', 'pnpm packages', 'pnpm node_modules', 'npm packages', 'npm node_modules'],
    ...rows.map((row) => {
      const r = results[row.id]!
      return [
        row.what,
        String(r.pnpm!.packages.size),
        mb(r.pnpm!.bytes),
        String(r.npm!.packages.size),
        mb(r.npm!.bytes),
      ]
    }),
  ]
  const widths = table[0]!.map((_, i) => Math.max(...table.map((line) => line[i]!.length)))
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`
  console.log()
  console.log(line(table[0]!))
  console.log(`| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`)
  for (const cells of table.slice(1)) console.log(line(cells))
  console.log()
  console.log(`vike-photon tarball: ${tarballKb.toFixed(0)} KB (the migrate CLI is bundled into dist/cli/index.js).`)

  const ours = results['photon-hono']!
  const upstream = results['upstream-photon-hono']!
  const over = (Object.keys(managers) as Manager[]).filter((m) => ours[m]!.packages.size > upstream[m]!.packages.size)
  if (over.length > 0) {
    for (const m of over) {
      const extra = [...ours[m]!.packages].filter((p) => !upstream[m]!.packages.has(p)).sort()
      console.log(`\n${m}: ours installs these packages that upstream does not:\n  ${extra.join('\n  ')}`)
    }
    process.exitCode = 1
  }
}

await main()
