import { readFileSync } from 'node:fs'
import { readdir, readFile } from 'node:fs/promises'
import { extname, join } from 'node:path'
import ts from 'typescript'
import { commitAll, uncommitted } from './checkout'
import { cliBin, vikePhotonDir } from './paths'
import { type AppLog, cell, exec, StepError, tail } from './steps'

// The two migrate steps: `vike-photon migrate --yes` as a user runs it in the app folder, checked (no legacy import
// left, every script it wrote still parses), then a second run that must change nothing.

/** The packages a migrated app must no longer depend on or import. */
const legacyPackages = ['vike-server', 'vike-node', 'vike-cloudflare', 'vite-plugin-vercel', '@vite-plugin-vercel/vike']

/** What this vike-photon exports; an import of another subpath (upstream 0.1.x's `vike-photon/api`...) is legacy. */
const ownSubpaths = Object.keys(
  (JSON.parse(readFileSync(join(vikePhotonDir, 'package.json'), 'utf8')) as { exports: Record<string, unknown> })
    .exports,
).map((key) => key.replace(/^\.\/?/, ''))

const scriptExtensions = new Set(['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'])
const sourceExtensions = new Set([...scriptExtensions, '.vue', '.svelte'])

/** The CLI's `--json` report, the fields the runner reads. */
type Report = {
  status: 'migrated' | 'dry-run' | 'nothing-to-do' | 'error'
  files: { path: string; status: string }[]
  todos: { file: string; line: number; message: string }[]
  error?: string
}

export type MigrateOutcome = { todos: Report['todos']; files: number; problems: string[] }

const runCli = (log: AppLog, appDir: string) =>
  exec(log, 'node', [cliBin, 'migrate', '--yes', '--json'], { cwd: appDir, timeoutMs: 180_000, allowFailure: true })

function parseReport(output: string, stdout: string): Report {
  try {
    return JSON.parse(stdout) as Report
  } catch {
    throw new StepError(
      cell(`migrate printed no JSON report: ${output.trim().split('\n')[0] ?? '(no output)'}`),
      tail(output),
    )
  }
}

/**
 * Step "migrate". Fails (and the runner stops there) when the CLI wrote nothing; otherwise returns what the checks
 * found, so the app still goes through install, build and serve.
 */
export async function migrate(log: AppLog, appDir: string): Promise<MigrateOutcome> {
  const result = await runCli(log, appDir)
  const report = parseReport(result.output, result.stdout)
  if (report.status === 'error') throw new StepError(cell(report.error ?? 'migrate failed'), tail(result.output))
  if (report.status === 'nothing-to-do') throw new StepError('migrate found nothing to do', tail(result.output))
  const problems = [
    ...(await legacyLeft(appDir)),
    ...unparseable(
      appDir,
      report.files.filter((f) => f.status !== 'deleted').map((f) => f.path),
    ),
  ]
  for (const p of problems) log.write(`check: ${p}`)
  return { todos: report.todos, files: report.files.length, problems }
}

/** Step "second run": with the migration committed, migrate again; nothing may change. */
export async function secondRun(log: AppLog, repoDir: string, appDir: string): Promise<void> {
  await commitAll(log, repoDir, 'vike-photon migrate')
  const result = await runCli(log, appDir)
  const report = parseReport(result.output, result.stdout)
  if (report.status === 'error') throw new StepError(cell(`second run: ${report.error}`), tail(result.output))
  const changed = await uncommitted(log, repoDir)
  if (changed.length > 0) {
    throw new StepError(cell(`the second run changed ${changed.map((l) => l.slice(3)).join(', ')}`), changed.join('\n'))
  }
}

/** Imports of a legacy package in the app's sources, and legacy packages left in its package.json. */
async function legacyLeft(appDir: string): Promise<string[]> {
  const found: string[] = []
  const pkg = JSON.parse(await readFile(join(appDir, 'package.json'), 'utf8')) as Record<string, unknown>
  for (const section of ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies']) {
    for (const name of Object.keys((pkg[section] as Record<string, string> | undefined) ?? {})) {
      if (legacyPackages.includes(name)) found.push(`package.json still has ${name} in ${section}`)
    }
  }
  const specifier = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)['"]([^'"]+)['"]/g
  for (const file of await sourceFiles(appDir)) {
    if (!sourceExtensions.has(extname(file))) continue
    const lines = (await readFile(join(appDir, file), 'utf8')).split('\n')
    lines.forEach((line, i) => {
      if (/^\s*(\/\/|\*|\/\*)/.test(line)) return // a comment (a TODO may quote the old import)
      for (const [, spec] of line.matchAll(specifier)) {
        if (isLegacy(spec!)) found.push(`${file}:${i + 1} still imports '${spec}'`)
      }
    })
  }
  return found
}

function isLegacy(spec: string): boolean {
  if (legacyPackages.some((p) => spec === p || spec.startsWith(`${p}/`))) return true
  return spec.startsWith('vike-photon/') && !ownSubpaths.includes(spec.slice('vike-photon/'.length))
}

/** Scripts among `files` that no longer parse (TypeScript's parser, which also reads JS and JSX). */
function unparseable(appDir: string, files: string[]): string[] {
  const found: string[] = []
  for (const file of files) {
    if (!scriptExtensions.has(extname(file))) continue
    const text = readFileSync(join(appDir, file), 'utf8')
    const { diagnostics = [] } = ts.transpileModule(text, {
      fileName: file,
      reportDiagnostics: true,
      compilerOptions: { jsx: ts.JsxEmit.Preserve, allowJs: true },
    })
    const first = diagnostics.find((d) => d.category === ts.DiagnosticCategory.Error)
    if (first) {
      const line =
        first.file && first.start !== undefined ? first.file.getLineAndCharacterOfPosition(first.start).line + 1 : 0
      found.push(`${file}:${line} does not parse: ${ts.flattenDiagnosticMessageText(first.messageText, ' ')}`)
    }
  }
  return found
}

const skipDirs = new Set(['node_modules', 'dist', 'build', '.git', '.vercel', '.wrangler'])

/** The app's files, relative to it (no node_modules, build output or dot folders). */
async function sourceFiles(dir: string, sub = ''): Promise<string[]> {
  const out: string[] = []
  for (const entry of await readdir(join(dir, sub), { withFileTypes: true })) {
    if (entry.isDirectory() && (skipDirs.has(entry.name) || entry.name.startsWith('.'))) continue
    const rel = sub ? `${sub}/${entry.name}` : entry.name
    if (entry.isDirectory()) out.push(...(await sourceFiles(dir, rel)))
    else if (entry.isFile()) out.push(rel)
  }
  return out
}
