import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import jscodeshift from 'jscodeshift'
import { createContext, type MigrateContext, type SourceId } from './context.js'
import { JsonParseError } from './lib/json.js'
import { findTodos, todoText } from './lib/todo.js'
import { type FileChange, Project } from './project.js'
import { migrations } from './registry.js'
import { type DetectedSource, sourceDefinitions } from './sources.js'
import { transforms } from './transforms/index.js'
import { lowestVersion } from './transforms/package-json.js'
import { photonMain } from './transforms/wrangler-toml.js'

export interface MigrateOptions {
  /** vike-photon's own version, written into package.json. */
  vikePhotonVersion: string
}

export interface Todo {
  file: string
  line: number
  message: string
}

export interface ParseFailure {
  file: string
  line: number
  column: number
  message: string
}

export interface DependencyChange {
  name: string
  section: string
  version?: string
}

export type PackageManager = 'npm' | 'pnpm' | 'yarn' | 'bun'

export interface MigrationPlan {
  root: string
  sources: DetectedSource[]
  /** Registry ids of the migrations that changed something. */
  applied: string[]
  changes: FileChange[]
  todos: Todo[]
  dependencies: { added: DependencyChange[]; removed: DependencyChange[] }
  errors: ParseFailure[]
  packageManager: PackageManager
  nextSteps: string[]
}

/** A problem with the folder itself (no package.json, ...): the message says what to do. */
export class MigrateError extends Error {
  override name = 'MigrateError'
}

/** Reads package.json's dependencies and reports the legacy sources it finds. */
export function detectSources(root: string, pkg: PackageJson): DetectedSource[] {
  const deps = { ...pkg.devDependencies, ...pkg.dependencies }
  const found: DetectedSource[] = []
  for (const def of sourceDefinitions) {
    const name = def.packages.find((p) => deps[p] !== undefined)
    if (!name) continue
    const version = installedVersion(root, name) ?? lowestVersion(deps[name]!)
    if (def.matches && !def.matches(version, deps[name])) continue
    found.push({ id: def.id, title: def.title, package: name, version })
  }
  return found
}

interface PackageJson {
  name?: string
  scripts?: Record<string, string>
  dependencies?: Record<string, string>
  devDependencies?: Record<string, string>
  packageManager?: string
}

function installedVersion(root: string, name: string): string | null {
  let dir = resolve(root)
  for (;;) {
    const file = join(dir, 'node_modules', name, 'package.json')
    if (existsSync(file)) {
      try {
        return (JSON.parse(readFileSync(file, 'utf8')) as { version?: string }).version ?? null
      } catch {
        return null
      }
    }
    const parent = dirname(dir)
    if (parent === dir) return null
    dir = parent
  }
}

/**
 * Computes the whole migration in memory: every file it would write, every TODO, every dependency
 * change. Writes nothing; `applyPlan` does, and only when `errors` is empty.
 */
export function planMigration(rootDir: string, options: MigrateOptions): MigrationPlan {
  const root = resolve(rootDir)
  if (!existsSync(join(root, 'package.json'))) {
    throw new MigrateError(
      `No package.json in ${root}. Run \`vike-photon migrate\` in your app's folder (in a monorepo: the folder of the Vike app, e.g. \`vike-photon migrate apps/web\`).`,
    )
  }
  const project = new Project(root)
  let pkg: PackageJson
  try {
    pkg = JSON.parse(project.read('package.json')!) as PackageJson
  } catch (err) {
    throw new MigrateError(`${join(root, 'package.json')} is not valid JSON: ${(err as Error).message}`)
  }
  const sources = detectSources(root, pkg)
  const packageManager = detectPackageManager(root, pkg)
  const plan: MigrationPlan = {
    root,
    sources,
    applied: [],
    changes: [],
    todos: [],
    dependencies: { added: [], removed: [] },
    errors: [],
    packageManager,
    nextSteps: [],
  }
  if (sources.length === 0) return plan

  const ctx = createContext({ sources: sources.map((s) => s.id) })
  const sourceIds = new Set<SourceId>(ctx.sources)
  const rootConfig = findRootConfig(project)
  const api = { jscodeshift, j: jscodeshift, stats: () => {}, report: () => {} }
  const applied = new Set<string>()
  const ensureRootConfig = (): void => createRootConfigIfMissing(project, ctx, rootConfig, applied)

  for (const migration of migrations) {
    if (migration.id === 'plus-config') ensureRootConfig()
    if (migration.id === 'package-json') {
      addWranglerConfig(project, ctx, pkg, applied)
      ctx.importedPackages = importedPackages(project, ctx.removedPlugins)
    }
    const targets = migration.check({ project, sources: sourceIds, rootConfig })
    for (const target of targets) {
      const source = project.read(target.file)
      if (source === null) continue
      const path = target.renameTo ?? target.file
      if (target.renameTo && project.exists(target.renameTo)) {
        ctx.reportedTodos.push({
          file: target.file,
          line: 1,
          message: `rename this file to ${target.renameTo} (that file already exists: merge them by hand)`,
        })
        continue
      }
      try {
        const output = transforms[migration.transform]({ path, source }, api as never, {
          ...target.options,
          ctx,
          vikePhotonVersion: options.vikePhotonVersion,
          packageManager,
        })
        if (target.renameTo) {
          project.rename(target.file, target.renameTo, output)
          applied.add(migration.id)
        } else if (output !== source) {
          project.write(target.file, output)
          applied.add(migration.id)
        }
      } catch (err) {
        plan.errors.push(parseFailure(target.file, err))
      }
    }
  }

  plan.applied = [...applied]
  plan.changes = project.changes()
  plan.todos = collectTodos(plan.changes, ctx)
  plan.dependencies = dependencyChanges(project)
  plan.nextSteps = nextSteps(packageManager, project)
  return plan
}

function findRootConfig(project: Project): string | null {
  const configs = project.files.filter((f) => /(^|\/)\+config\.[cm]?[jt]s$/.test(f))
  for (const dir of ['pages/', 'src/pages/', '']) {
    const hit = configs.find((f) => f.startsWith(dir) && !f.slice(dir.length).includes('/'))
    if (hit) return hit
  }
  return configs.sort((a, b) => a.split('/').length - b.split('/').length)[0] ?? null
}

/** Rule 16: a vike-node / vike-cloudflare 0.1 / Vercel app without a root +config gets one. */
function createRootConfigIfMissing(
  project: Project,
  ctx: MigrateContext,
  rootConfig: string | null,
  applied: Set<string>,
): void {
  if (rootConfig) return
  const ts = project.exists('tsconfig.json')
  const file = ts ? 'pages/+config.ts' : 'pages/+config.js'
  const entry = ctx.serverEntry?.replace(/\\/g, '\\\\').replace(/'/g, "\\'")
  const photon = entry ? `\n  photon: { server: '${entry}' },` : ''
  project.write(
    file,
    [
      `// ${todoText('vike-photon migrate created this file: move the Vike settings you keep elsewhere (e.g. in vite.config) here')}`,
      ...(ts ? ["import type { Config } from 'vike/types'"] : []),
      "import vikePhoton from 'vike-photon/config'",
      '',
      `export default {\n  extends: [vikePhoton],${photon}\n}${ts ? ' satisfies Config' : ''}`,
      '',
    ].join('\n'),
  )
  applied.add('plus-config')
}

/** Rule 35 (wrangler.jsonc when there is no wrangler config) and `.wrangler/` in .gitignore. */
function addWranglerConfig(project: Project, ctx: MigrateContext, pkg: PackageJson, applied: Set<string>): void {
  if (!ctx.sources.has('vike-cloudflare') && !ctx.sources.has('vike-cloudflare-pages')) return
  if (!['wrangler.toml', 'wrangler.json', 'wrangler.jsonc'].some((f) => project.exists(f))) {
    const name = (pkg.name ?? 'vike-app')
      .replace(/^@[^/]+\//, '')
      .replace(/[^a-z0-9-]/gi, '-')
      .toLowerCase()
    project.write(
      'wrangler.jsonc',
      `{
  "$schema": "node_modules/wrangler/config-schema.json",
  // ${todoText('vike-photon migrate created this file: check the Worker name and compatibility_date, and add your bindings')}
  "name": ${JSON.stringify(name)},
  "main": "${photonMain}",
  "compatibility_date": "2025-06-01",
  "compatibility_flags": ["nodejs_compat"]
}
`,
    )
    applied.add('wrangler-json')
  }
  const gitignore = project.read('.gitignore')
  if (gitignore === null) project.write('.gitignore', '.wrangler/\n')
  else if (!/^\/?\.wrangler\/?\s*$/m.test(gitignore)) {
    project.write('.gitignore', `${gitignore}${gitignore.endsWith('\n') || gitignore === '' ? '' : '\n'}.wrangler/\n`)
  }
}

/** Rule 7 needs to know whether a removed plugin's package is still imported anywhere. */
function importedPackages(project: Project, candidates: Set<string>): Set<string> {
  const imported = new Set<string>()
  if (candidates.size === 0) return imported
  for (const file of project.files) {
    if (!/\.[cm]?[jt]sx?$/.test(file)) continue
    const text = project.read(file) ?? ''
    for (const name of candidates) if (text.includes(`'${name}`) || text.includes(`"${name}`)) imported.add(name)
  }
  return imported
}

function parseFailure(file: string, err: unknown): ParseFailure {
  if (err instanceof JsonParseError) return { file, line: err.line, column: err.column, message: err.message }
  const e = err as { loc?: { line: number; column: number }; message?: string }
  const message = (e.message ?? String(err)).replace(/\s*\(\d+:\d+\)\s*$/, '')
  return { file, line: e.loc?.line ?? 1, column: (e.loc?.column ?? 0) + 1, message }
}

/** TODOs the migration added: new marker lines in each file, plus manual steps reported for JSON files. */
function collectTodos(changes: FileChange[], ctx: MigrateContext): Todo[] {
  const todos: Todo[] = []
  for (const change of changes) {
    const before = new Map<string, number>()
    for (const t of findTodos(change.before ?? '')) before.set(t.message, (before.get(t.message) ?? 0) + 1)
    for (const t of findTodos(change.after)) {
      const left = before.get(t.message) ?? 0
      if (left > 0) before.set(t.message, left - 1)
      else todos.push({ file: change.path, line: t.line, message: t.message })
    }
  }
  todos.push(...ctx.reportedTodos)
  return todos.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line)
}

function dependencyChanges(project: Project): MigrationPlan['dependencies'] {
  const parse = (text: string | null) => (text ? (JSON.parse(text) as PackageJson) : {})
  const before = parse(project.original('package.json'))
  const after = parse(project.read('package.json'))
  const added: DependencyChange[] = []
  const removed: DependencyChange[] = []
  for (const section of ['dependencies', 'devDependencies'] as const) {
    const b = before[section] ?? {}
    const a = after[section] ?? {}
    for (const [name, version] of Object.entries(a)) {
      if (b[name] !== version) added.push({ name, section, version })
    }
    for (const name of Object.keys(b)) if (!(name in a)) removed.push({ name, section })
  }
  return { added, removed }
}

export function detectPackageManager(root: string, pkg: PackageJson): PackageManager {
  const declared = /^(npm|pnpm|yarn|bun)@/.exec(pkg.packageManager ?? '')?.[1] as PackageManager | undefined
  let dir = resolve(root)
  for (;;) {
    if (existsSync(join(dir, 'pnpm-lock.yaml'))) return 'pnpm'
    if (existsSync(join(dir, 'yarn.lock'))) return 'yarn'
    if (existsSync(join(dir, 'bun.lockb')) || existsSync(join(dir, 'bun.lock'))) return 'bun'
    if (existsSync(join(dir, 'package-lock.json'))) return 'npm'
    const parent = dirname(dir)
    if (parent === dir) return declared ?? 'npm'
    dir = parent
  }
}

function nextSteps(pm: PackageManager, project: Project): string[] {
  const scripts = (JSON.parse(project.read('package.json') ?? '{}') as PackageJson).scripts ?? {}
  const run = (script: string) => (pm === 'npm' ? `npm run ${script}` : `${pm} run ${script}`)
  const exec = { npm: 'npx', pnpm: 'pnpm exec', yarn: 'yarn', bun: 'bunx' }[pm]
  return [
    pm === 'yarn' ? 'yarn install' : `${pm} install`,
    scripts.build ? run('build') : `${exec} vike build`,
    scripts.preview ? run('preview') : `${exec} vike preview`,
  ]
}

/** Files with uncommitted changes among `paths` (empty when the folder is not in a git work tree). */
export function dirtyFiles(root: string, paths: string[]): string[] {
  if (paths.length === 0) return []
  try {
    const out = execFileSync('git', ['status', '--porcelain', '--untracked-files=all', '--', ...paths], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    })
    return out
      .split('\n')
      .filter(Boolean)
      .map((l) => l.slice(3))
  } catch {
    return []
  }
}

/** Paths a plan touches (for the dirty-tree check): written files and the old names of renamed ones. */
export function touchedPaths(plan: MigrationPlan): string[] {
  return plan.changes.flatMap((c) => (c.from ? [c.from, c.path] : [c.path]))
}

/** Writes a plan: renames first (content kept), then each file through a temp file + rename. */
export function applyPlan(plan: MigrationPlan): void {
  if (plan.errors.length > 0) throw new MigrateError('The plan has parse errors: nothing was written.')
  for (const change of plan.changes) {
    const abs = join(plan.root, change.path)
    mkdirSync(dirname(abs), { recursive: true })
    if (change.from) renameSync(join(plan.root, change.from), abs)
    const temp = `${abs}.vike-photon-migrate-${process.pid}.tmp`
    writeFileSync(temp, change.after)
    renameSync(temp, abs)
  }
}
