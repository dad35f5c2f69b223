import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import jscodeshift from 'jscodeshift'
import { createContext, type MigrateContext, type SourceId } from './context.js'
import { JsonParseError } from './lib/json.js'
import { findTodos } from './lib/todo.js'
import { type FileChange, Project } from './project.js'
import { type MigrationInput, migrations } from './registry.js'
import { checkTransformOutput, SelfCheckError } from './self-check.js'
import { type DetectedSource, sourceDefinitions } from './sources.js'
import { transforms } from './transforms/index.js'
import { lowestVersion } from './transforms/package-json.js'

export interface MigrateOptions {
  /** vike-photon's own version, written into package.json. */
  vikePhotonVersion: string
  /** Replaces transforms by name (tests of the self-check make one misbehave). */
  transforms?: Partial<typeof transforms>
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
  /** `parse`: the file as it is does not parse; `self-check`: a step's output failed the engine's self-check. */
  kind?: 'parse' | 'self-check'
  /** The registry step whose output failed the self-check. */
  step?: string
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
  const input: MigrationInput = {
    project,
    sources: new Set<SourceId>(ctx.sources),
    rootConfig: findRootConfig(project),
    ctx,
    packageName: pkg.name,
  }
  const api = { jscodeshift, j: jscodeshift, stats: () => {}, report: () => {} }
  const applied = new Set<string>()

  for (const migration of migrations) {
    if ('create' in migration) {
      for (const { file, content } of migration.create(input)) {
        const before = project.read(file)
        if (before === content) continue
        const failure = selfCheck(file, `${migration.id} step`, before ?? '', content)
        if (failure) {
          plan.errors.push(failure)
          continue
        }
        project.write(file, content)
        applied.add(migration.id)
      }
      continue
    }
    for (const target of migration.check(input)) {
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
      const transform = options.transforms?.[migration.transform] ?? transforms[migration.transform]
      try {
        const output = transform({ path, source }, api as never, {
          ...target.options,
          ctx,
          vikePhotonVersion: options.vikePhotonVersion,
          packageManager,
        })
        const failure = selfCheck(target.file, `${migration.transform} transform`, source, output)
        if (failure) {
          plan.errors.push(failure)
          continue
        }
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
  plan.nextSteps = nextSteps(packageManager, project, ctx)
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

/** The engine's self-check of one step's output (see self-check.ts): null when it passes. */
function selfCheck(file: string, step: string, before: string, after: string): ParseFailure | null {
  // `step` says who wrote the output: "server-entry transform", "root-config step".
  try {
    checkTransformOutput(file, before, after)
    return null
  } catch (err) {
    if (!(err instanceof SelfCheckError)) throw err
    return { file, line: 1, column: 1, message: `the ${step}: ${err.message}`, kind: 'self-check', step }
  }
}

function parseFailure(file: string, err: unknown): ParseFailure {
  if (err instanceof JsonParseError) {
    return { file, line: err.line, column: err.column, message: err.message, kind: 'parse' }
  }
  const e = err as { loc?: { line: number; column: number }; message?: string }
  const message = (e.message ?? String(err)).replace(/\s*\(\d+:\d+\)\s*$/, '')
  return { file, line: e.loc?.line ?? 1, column: (e.loc?.column ?? 0) + 1, message, kind: 'parse' }
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

/** Scripts that may start the production server, in the order they are preferred. */
const serverScriptNames = ['prod', 'start', 'serve', 'preview', 'production']
/** A command that runs the built server (not `vike preview`, which serves the pages without it). */
const runsBuiltServer = /\b(?:node|bun|tsx|deno)\b[^&|;]*?\bdist\/server\/index\.m?js\b/

/**
 * Class 2.12: how to try the migrated app. An app with its own server runs it (its production script, or
 * `node dist/server/index.mjs`): `vike preview` would serve the pages without the user's routes. Cloudflare
 * and Vercel apps, and apps without a server entry, use `vike preview`.
 */
function nextSteps(pm: PackageManager, project: Project, ctx: MigrateContext): string[] {
  const scripts = (JSON.parse(project.read('package.json') ?? '{}') as PackageJson).scripts ?? {}
  const run = (script: string) => (pm === 'npm' ? `npm run ${script}` : `${pm} run ${script}`)
  const exec = { npm: 'npx', pnpm: 'pnpm exec', yarn: 'yarn', bun: 'bunx' }[pm]
  const deployTarget = ['vike-cloudflare', 'vike-cloudflare-pages', 'vite-plugin-vercel', 'vike-vercel'].some((s) =>
    ctx.sources.has(s as SourceId),
  )
  let start: string
  if (!deployTarget && hasServerEntry(project, ctx)) {
    const names = [...serverScriptNames, ...Object.keys(scripts).filter((n) => !serverScriptNames.includes(n))]
    const script = names.find((n) => scripts[n] !== undefined && runsBuiltServer.test(scripts[n]!))
    start = script ? run(script) : 'node dist/server/index.mjs'
  } else start = scripts.preview ? run('preview') : `${exec} vike preview`
  return [pm === 'yarn' ? 'yarn install' : `${pm} install`, scripts.build ? run('build') : `${exec} vike build`, start]
}

/** Whether the migrated app has a server entry of its own (an entry file, or `photon.server` in a +config). */
function hasServerEntry(project: Project, ctx: MigrateContext): boolean {
  if (ctx.frameworks.size > 0 || ctx.serverEntry) return true
  return project.files.some(
    (f) => /(^|\/)\+config\.[cm]?[jt]s$/.test(f) && /\bphoton\s*:\s*\{[\s\S]*?\bserver\s*:/.test(project.read(f) ?? ''),
  )
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
  if (plan.errors.length > 0) throw new MigrateError('The plan has errors: nothing was written.')
  for (const change of plan.changes) {
    const abs = join(plan.root, change.path)
    mkdirSync(dirname(abs), { recursive: true })
    if (change.from) renameSync(join(plan.root, change.from), abs)
    const temp = `${abs}.vike-photon-migrate-${process.pid}.tmp`
    writeFileSync(temp, change.after)
    renameSync(temp, abs)
  }
}
