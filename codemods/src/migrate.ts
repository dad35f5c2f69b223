import { execFileSync } from 'node:child_process'
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmdirSync,
  rmSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import jscodeshift from 'jscodeshift'
import { type ParseError as JsonError, parseTree, printParseErrorCode } from 'jsonc-parser'
import { createContext, type MigrateContext, type SourceId } from './context.js'
import { JsonParseError, lineColumnAt } from './lib/json.js'
import { findTodos, TODO_MARKER } from './lib/todo.js'
import { encodeChange, type FileChange, Project } from './project.js'
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
  /**
   * `parse`: the file as it is does not parse; `self-check`: a step's output failed the engine's self-check;
   * `refused`: the file cannot be written safely (read-only, an encoding that cannot hold the change).
   */
  kind?: 'parse' | 'self-check' | 'refused'
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
  /** Temporary files of an interrupted run, removed when this plan is written. */
  leftovers: string[]
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

/** An import of a legacy package, with the source it means. */
const legacyImport =
  /(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)['"](vike-server|vike-node|vike-cloudflare|@vite-plugin-vercel\/vike|vite-plugin-vercel|vike-vercel)(\/[^'"]*)?['"]/g

/**
 * Sources still imported by the code when package.json lists none: an interrupted migration, or package.json
 * edited by hand. A re-run then finishes the job.
 */
export function detectSourcesInCode(project: Project): DetectedSource[] {
  const found = new Map<SourceId, DetectedSource>()
  for (const file of project.files) {
    if (!/\.[cm]?[jt]sx?$/.test(file)) continue
    const text = project.read(file) ?? ''
    for (const m of text.matchAll(legacyImport)) {
      if (markedAsManual(text, m.index)) continue
      const name = m[1]!
      let id: SourceId
      if (name === 'vike-cloudflare') id = m[2] ? 'vike-cloudflare' : 'vike-cloudflare-pages'
      else if (name === '@vite-plugin-vercel/vike') id = 'vite-plugin-vercel'
      else id = name as SourceId
      if (found.has(id)) continue
      const title = sourceDefinitions.find((d) => d.id === id)!.title
      found.set(id, { id, title, package: name, version: null, importedBy: file })
    }
  }
  return [...found.values()]
}

/** Whether the statement at `index` has a TODO(vike-photon migrate) comment above it: an import the migration kept. */
function markedAsManual(text: string, index: number): boolean {
  const head = text.slice(0, index)
  let start = head.lastIndexOf('\n') + 1
  // A multi-line import starts at the last `import`/`export` line, if nothing ends a statement in between.
  const last = [...head.matchAll(/^[ \t]*(?:import|export)\b/gm)].at(-1)
  if (last && !/\bfrom\b|;|\n\s*\n/.test(head.slice(last.index))) start = last.index
  const above = text.slice(0, start).split('\n').slice(0, -1)
  for (let i = above.length - 1; i >= 0; i--) {
    const line = above[i]!.trim()
    if (line.includes(TODO_MARKER)) return true
    if (!/^(?:\/\/|\/\*|\*)/.test(line)) return false
  }
  return false
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
  if (project.links.has('package.json')) {
    throw new MigrateError(
      `${join(root, 'package.json')} is a symbolic link (to ${project.links.get('package.json')}): vike-photon migrate never writes through links, and without package.json the migration is incomplete. Replace the link with a copy of the file, then run again.`,
    )
  }
  const pkg = parsePackageJson(join(root, 'package.json'), project.read('package.json') ?? '')
  let sources = detectSources(root, pkg)
  if (sources.length === 0) sources = detectSourcesInCode(project)
  const packageManager = detectPackageManager(root, pkg)
  const lockedReact = packageManager === 'npm' ? lockedVersion(project, 'react') : undefined
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
    leftovers: project.leftovers,
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
      // A byte order mark is kept, but the transforms see the text without it (as Node and TypeScript do).
      const bom = source.startsWith('\uFEFF') ? '\uFEFF' : ''
      try {
        const transformed = transform({ path, source: source.slice(bom.length) }, api as never, {
          ...target.options,
          ctx,
          vikePhotonVersion: options.vikePhotonVersion,
          packageManager,
          lockedReact,
        })
        const output = transformed === source.slice(bom.length) ? source : bom + transformed
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
  for (const skipped of project.skipped)
    ctx.reportedTodos.push({ file: skipped.path, line: 1, message: skipped.message })
  plan.changes = plan.changes.filter((change) => writable(project, change, plan, ctx))
  plan.todos = collectTodos(plan.changes, ctx)
  plan.dependencies = dependencyChanges(project)
  plan.nextSteps = nextSteps(packageManager, project, ctx)
  return plan
}

/**
 * Whether a change can be written: never through a symbolic link (reported as a manual step instead), never over a
 * read-only file, never in an encoding that cannot hold it (both are plan errors: nothing is written).
 */
function writable(project: Project, change: FileChange, plan: MigrationPlan, ctx: MigrateContext): boolean {
  for (const path of change.from ? [change.from, change.path] : [change.path]) {
    const link = project.linkOn(path)
    if (!link) continue
    const target = project.links.get(link)
    // A link to a file the plan migrates where it is: nothing to do by hand.
    if (target && plan.changes.some((c) => c.path === target)) return false
    ctx.reportedTodos.push({
      file: path,
      line: 1,
      message: `${link === path ? `${path} is a symbolic link` : `${link} (above ${path}) is a symbolic link`}${target ? ` (to ${target})` : ''}: vike-photon migrate never writes through links, so ${change.status === 'created' ? 'this file was not created' : 'this file was not migrated'}. Replace the link with the file and run vike-photon migrate again, or make the change by hand`,
    })
    return false
  }
  if (change.mode !== undefined && (change.mode & 0o200) === 0) {
    plan.errors.push({
      file: change.from ?? change.path,
      line: 1,
      column: 1,
      kind: 'refused',
      message: `the file is read-only (mode ${change.mode.toString(8).padStart(4, '0')}): vike-photon migrate does not replace a read-only file. Make it writable (chmod u+w ${change.from ?? change.path}) and run again`,
    })
  }
  if (encodeChange(change) === null) {
    plan.errors.push({
      file: change.from ?? change.path,
      line: 1,
      column: 1,
      kind: 'refused',
      message: `the file is not UTF-8, and its migrated text has characters its encoding cannot hold. Convert it to UTF-8 and run again`,
    })
  }
  return true
}

/** package.json as Node reads it (a byte order mark is fine); a syntax error is reported as file:line:column. */
function parsePackageJson(file: string, text: string): PackageJson {
  const json = text.replace(/^\uFEFF/, '')
  const errors: JsonError[] = []
  parseTree(json, errors, { disallowComments: true, allowTrailingComma: false })
  const first = errors[0]
  if (first) {
    const { line, column } = lineColumnAt(json, first.offset)
    throw new MigrateError(
      `${file}:${line}:${column}: package.json is not valid JSON (${printParseErrorCode(first.error)}). Fix it, then run again.`,
    )
  }
  let pkg: unknown
  try {
    pkg = JSON.parse(json)
  } catch (err) {
    throw new MigrateError(`${file} is not valid JSON: ${(err as Error).message}`)
  }
  if (typeof pkg !== 'object' || pkg === null || Array.isArray(pkg)) {
    throw new MigrateError(
      `${file} does not hold an object ({ "name": ..., "dependencies": ... }). Fix it, then run again.`,
    )
  }
  return pkg as PackageJson
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
  const parse = (text: string | null) => (text ? (JSON.parse(text.replace(/^\uFEFF/, '')) as PackageJson) : {})
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

/** The version package-lock.json installs at the top of node_modules, if it lists the package. */
function lockedVersion(project: Project, name: string): string | undefined {
  try {
    const lock = JSON.parse(project.read('package-lock.json') ?? '{}') as {
      packages?: Record<string, { version?: string }>
      dependencies?: Record<string, { version?: string }>
    }
    return lock.packages?.[`node_modules/${name}`]?.version ?? lock.dependencies?.[name]?.version
  } catch {
    return undefined
  }
}

/** The `packageManager` field first (a lockfile in a parent folder may belong to another project), then lockfiles. */
export function detectPackageManager(root: string, pkg: PackageJson): PackageManager {
  const declared = /^(npm|pnpm|yarn|bun)@/.exec(pkg.packageManager ?? '')?.[1] as PackageManager | undefined
  if (declared) return declared
  let dir = resolve(root)
  for (;;) {
    if (existsSync(join(dir, 'pnpm-lock.yaml'))) return 'pnpm'
    if (existsSync(join(dir, 'yarn.lock'))) return 'yarn'
    if (existsSync(join(dir, 'bun.lockb')) || existsSync(join(dir, 'bun.lock'))) return 'bun'
    if (existsSync(join(dir, 'package-lock.json'))) return 'npm'
    const parent = dirname(dir)
    if (parent === dir) return 'npm'
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
  const scripts =
    (JSON.parse((project.read('package.json') ?? '{}').replace(/^\uFEFF/, '')) as PackageJson).scripts ?? {}
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

/** Files with uncommitted changes among `paths`, each once, relative to `root` (empty outside a git work tree). */
export function dirtyFiles(root: string, paths: string[]): string[] {
  if (paths.length === 0) return []
  try {
    const git = (...args: string[]) =>
      execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
    // Porcelain paths are relative to the repository's top folder; `root` may be below it (a monorepo app).
    const prefix = git('rev-parse', '--show-prefix').trim()
    const fields = git('status', '--porcelain', '-z', '--untracked-files=all', '--', ...paths).split('\0')
    const dirty = new Set<string>()
    for (let i = 0; i < fields.length; i++) {
      const entry = fields[i]!
      if (entry.length < 4) continue
      const path = entry.slice(3)
      dirty.add(path.startsWith(prefix) ? path.slice(prefix.length) : path)
      // A rename or copy is followed by its old name, in its own field.
      if (entry[0] === 'R' || entry[0] === 'C') i++
    }
    return [...dirty]
  } catch {
    return []
  }
}

/** Paths a plan touches (for the dirty-tree check): written files and the old names of renamed ones. */
export function touchedPaths(plan: MigrationPlan): string[] {
  return plan.changes.flatMap((c) => (c.from ? [c.from, c.path] : [c.path]))
}

/** What state a failed write left the project in. */
export class ApplyError extends MigrateError {
  override name = 'ApplyError'
  constructor(
    message: string,
    /** `unchanged`: every file is as it was; `partial`: `migrated` are written, the rest are not. */
    readonly state: 'unchanged' | 'partial',
    readonly migrated: string[] = [],
  ) {
    super(message)
  }
}

interface Staged {
  change: FileChange
  abs: string
  temp: string
}

/**
 * Writes a plan, all or nothing: every file goes to a temporary file next to it first (keeping the original's
 * mode), then each is renamed over its target, package.json last, so that as long as package.json still lists
 * the legacy packages, a re-run finds the migration unfinished. If a step fails, what was renamed is restored
 * from the original bytes and temporary files are removed; an `ApplyError` says what state the project is in.
 * On success it also removes the temporary files of an interrupted run (`plan.leftovers`).
 */
export function applyPlan(plan: MigrationPlan): void {
  if (plan.errors.length > 0) throw new MigrateError('The plan has errors: nothing was written.')
  const killAfter = testHook('VIKE_PHOTON_MIGRATE_TEST_KILL_AFTER')
  const stopAfter = testHook('VIKE_PHOTON_MIGRATE_TEST_STOP_AFTER')
  const suffix = `.vike-photon-migrate-${process.pid}.tmp`
  const changes = [...plan.changes].sort(
    (a, b) => Number(a.path === 'package.json') - Number(b.path === 'package.json'),
  )
  const staged: Staged[] = []
  const madeDirs: string[] = []
  const removeTemps = () => {
    for (const s of staged) rmSync(s.temp, { force: true })
    for (const dir of madeDirs.reverse()) removeEmptyDirs(dir, plan.root)
  }

  for (const change of changes) {
    const abs = join(plan.root, change.path)
    try {
      const made = mkdirSync(dirname(abs), { recursive: true })
      if (made) madeDirs.push(dirname(abs))
      const temp = `${abs}${suffix}`
      staged.push({ change, abs, temp })
      writeFileSync(temp, encodeChange(change)!)
      if (change.mode !== undefined) chmodSync(temp, change.mode)
    } catch (err) {
      removeTemps()
      throw new ApplyError(
        `could not write ${change.path} (${(err as Error).message}). Nothing was changed: every file is as it was.`,
        'unchanged',
      )
    }
  }
  if (killAfter === 0) process.kill(process.pid, 'SIGKILL')

  const done: Staged[] = []
  for (const s of staged) {
    try {
      renameSync(s.temp, s.abs)
      try {
        if (s.change.from) unlinkSync(join(plan.root, s.change.from))
      } catch (err) {
        rmSync(s.abs, { force: true })
        throw err
      }
    } catch (err) {
      const cause = `could not write ${s.change.path} (${(err as Error).message})`
      const unrestored = restore(plan.root, done.reverse())
      removeTemps()
      if (unrestored.length === 0) {
        throw new ApplyError(`${cause}. Nothing was changed: every file is as it was.`, 'unchanged')
      }
      throw new ApplyError(
        `${cause}, and restoring the files already written failed. These files are migrated, the others are as they were:\n${unrestored.map((f) => `  ${f}`).join('\n')}\npackage.json still lists the old packages: fix the cause, then run vike-photon migrate again to finish.`,
        'partial',
        unrestored,
      )
    }
    done.push(s)
    if (killAfter === done.length) process.kill(process.pid, 'SIGKILL')
    if (stopAfter === done.length) process.kill(process.pid, 'SIGSTOP')
  }
  for (const file of plan.leftovers) rmSync(join(plan.root, file), { force: true })
}

/** Puts back what `done` wrote; returns the files it could not restore. */
function restore(root: string, done: Staged[]): string[] {
  const failed: string[] = []
  for (const { change, abs } of done) {
    try {
      if (change.status === 'created') rmSync(abs, { force: true })
      else {
        const original = join(root, change.from ?? change.path)
        const temp = `${original}.vike-photon-migrate-${process.pid}.tmp`
        writeFileSync(temp, change.original!)
        if (change.mode !== undefined) chmodSync(temp, change.mode)
        renameSync(temp, original)
        if (change.from) rmSync(abs, { force: true })
      }
    } catch {
      failed.push(change.path)
    }
  }
  return failed
}

/** Removes `dir` and its parents up to `root` while they are empty (folders the migration created). */
function removeEmptyDirs(dir: string, root: string): void {
  for (let d = dir; d !== root && d.startsWith(root); d = dirname(d)) {
    try {
      rmdirSync(d)
    } catch {
      return
    }
  }
}

/**
 * Tests only: `VIKE_PHOTON_MIGRATE_TEST_KILL_AFTER=n` kills the process (SIGKILL) after n files are renamed into
 * place (0: once every temporary file is written), to prove that an interrupted run is finished by the next one.
 * `VIKE_PHOTON_MIGRATE_TEST_STOP_AFTER=n` stops it (SIGSTOP) there instead, so that a test can make the files
 * already written immutable before it continues: restoring them fails, as on a disk that broke mid-run (exit 3).
 */
function testHook(name: string): number | null {
  const value = process.env[name]
  return value && /^\d+$/.test(value) ? Number(value) : null
}
