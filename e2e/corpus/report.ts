import { existsSync, readFileSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { CorpusApp } from './list'
import { corpusDir } from './paths'
import { type StepName, type StepResult, stepNames } from './steps'

// The table: printed, and written with the raw results to e2e/corpus/results.{md,json}. A failure's class comes
// from e2e/corpus/triage.json, a judgement made by reading the failure (the runner cannot make it).

export type FailureClass = 'migration bug' | 'vike-photon bug' | 'app-inherent'
/**
 * Why an app-inherent failure happens: `machine` when the app would pass where the npm registry, the network
 * and database engines are all there (a package missing from this machine's registry mirror, a fetch at build, a
 * Prisma engine download); `app` when it fails anywhere (a broken commit, an empty file, a case-sensitive path).
 */
export type FailureCause = 'machine' | 'app'
export type Triage = Record<string, { class: FailureClass; cause?: FailureCause; reason: string }>

export type AppResult = Pick<CorpusApp, 'name' | 'repo' | 'commit' | 'source' | 'sourceVersion' | 'framework'> & {
  steps: Record<StepName, StepResult>
  /** Migrate's manual steps (file:line message). */
  todos: string[]
  /** What the checks after migrate found (legacy imports left, files that no longer parse). */
  problems: string[]
  /** What the runner had to do differently for this app (files the mirror lacked). */
  notes: string[]
  /** The step that failed first, its first error line, and the end of its output. */
  failed?: { step: StepName; error: string; log: string }
  /** The run this row comes from (`--update` reruns some rows on a newer main). */
  run: RunInfo
}

export type RunInfo = {
  date: string
  /** The commit of `main` the run's branch contains, and the branch's own commit. */
  main: string
  head: string
  node: string
}

export const passed = (r: AppResult) => stepNames.every((s) => r.steps[s].status === 'ok')

export function summaryLine(results: AppResult[]): string {
  return `real apps: ${results.filter(passed).length}/${results.length} build and serve`
}

/**
 * The second summary line: of the apps that do not pass, how many fail because of this machine and how many
 * because of the app itself (both from triage.json), and how many are bugs of ours or not triaged yet.
 */
export function causeLine(results: AppResult[], triage: Triage): string {
  const failed = results.filter((r) => !passed(r))
  const count = (keep: (t: Triage[string] | undefined) => boolean) => failed.filter((r) => keep(triage[r.name])).length
  const machine = count((t) => t?.class === 'app-inherent' && t.cause === 'machine')
  const app = count((t) => t?.class === 'app-inherent' && t.cause === 'app')
  const ours = count((t) => t?.class === 'migration bug' || t?.class === 'vike-photon bug')
  const open = failed.length - machine - app - ours
  // The apps a machine with the whole registry, the network and database engines would run: all but this machine's.
  const runnable = results.length - machine
  const share = runnable ? Math.round((100 * (results.length - failed.length)) / runnable) : 0
  return `${[
    `of the ${failed.length} that fail: ${machine} for this machine (registry mirror, network or database engine at build)`,
    `${app} for the app itself (broken commit, empty file, case-sensitive path)`,
    `${ours} migration or vike-photon bugs`,
    `${open} not triaged or without a cause`,
  ].join(
    ', ',
  )}; of the ${runnable} apps left when this machine's failures are set aside, ${results.length - failed.length} (${share}%) build and serve`
}

export function loadTriage(): Triage {
  const file = join(corpusDir, 'triage.json')
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Triage) : {}
}

function stepCell(step: StepResult): string {
  const status = step.status === 'ok' ? 'ok' : step.status === 'fail' ? '**FAIL**' : '–'
  return step.detail ? `${status} (${step.detail})` : status
}

export function table(results: AppResult[], triage: Triage): string {
  const header = ['app', 'source', 'framework', ...stepNames, 'first error', 'class']
  const rows = results.map((r) => [
    r.name,
    r.source,
    r.framework,
    ...stepNames.map((s) => stepCell(r.steps[s])),
    r.failed ? `${r.failed.step}: ${r.failed.error}` : '',
    passed(r) ? '' : (triage[r.name]?.class ?? 'untriaged'),
  ])
  return [header, header.map(() => '---'), ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n')
}

/** Failed apps by class, with the reason triage.json gives. */
export function failuresByClass(results: AppResult[], triage: Triage): string {
  const failed = results.filter((r) => !passed(r))
  const classes = [...new Set(failed.map((r) => triage[r.name]?.class ?? 'untriaged'))].sort()
  return classes
    .map((c) => {
      const apps = failed.filter((r) => (triage[r.name]?.class ?? 'untriaged') === c)
      return [
        `### ${c} (${apps.length})`,
        '',
        ...apps.map((r) => {
          const cause = triage[r.name]?.cause ? `, cause: ${triage[r.name]?.cause}` : ''
          return `- **${r.name}** (${r.failed?.step}${cause}): ${triage[r.name]?.reason ?? r.failed?.error ?? ''}`
        }),
      ].join('\n')
    })
    .join('\n\n')
}

/** The runs the rows come from: one line each, newest first. */
function runLines(results: AppResult[]): string[] {
  const runs = new Map<string, { info: RunInfo; count: number }>()
  for (const r of results) {
    const key = `${r.run.date} ${r.run.main}`
    runs.set(key, { info: r.run, count: (runs.get(key)?.count ?? 0) + 1 })
  }
  return [...runs.values()]
    .sort((a, b) => b.info.date.localeCompare(a.info.date))
    .map(
      ({ info, count }) =>
        `- ${count} ${count === 1 ? 'app' : 'apps'}: run of ${info.date}, main at \`${info.main}\` (branch at \`${info.head}\`), Node ${info.node}`,
    )
}

/** Rows of an earlier results.json, to merge an `--update` run into. */
export function loadResults(): AppResult[] {
  const file = join(corpusDir, 'results.json')
  if (!existsSync(file)) return []
  // A results.json written before rows named their run has the run's fields at the top.
  const { results, date, main, head, node } = JSON.parse(readFileSync(file, 'utf8')) as Partial<RunInfo> & {
    results: AppResult[]
  }
  return results.map((r) => ({ ...r, run: r.run ?? { date: date!, main: main!, head: head!, node: node! } }))
}

export async function writeResults(results: AppResult[], triage: Triage) {
  const md = [
    '# vike-photon migrate on real apps',
    '',
    'Each app: its commit exported, `vike-photon migrate --yes`, checks (no legacy import left, the files it wrote',
    'parse), a second run that must change nothing, `vike-photon` pointed at the packed workspace build, a plain',
    'install with its own package manager, the build, then the server its target documents and a GET of the index',
    'page, of one client asset and of up to 8 pages the index page links to ("serve" says how many pages answered).',
    'See e2e/corpus/README.md.',
    '',
    ...runLines(results),
    '',
    table(results, triage),
    '',
    '## Failures by class',
    '',
    failuresByClass(results, triage) || 'None.',
    '',
    summaryLine(results),
    '',
    causeLine(results, triage),
    '',
  ].join('\n')
  await writeFile(join(corpusDir, 'results.md'), md)
  await writeFile(join(corpusDir, 'results.json'), `${JSON.stringify({ results }, null, 2)}\n`)
}
