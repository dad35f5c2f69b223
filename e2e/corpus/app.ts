import { readFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { homedir, tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { build, targetOf } from './build'
import { checkout } from './checkout'
import { install, useTarball } from './install'
import { type CorpusApp, gitDirOf } from './list'
import { migrate, secondRun } from './migrate'
import { workspaceRoot } from './paths'
import type { AppResult } from './report'
import { serve } from './serve'
import { AppLog, cell, killLeftovers, StepError, type StepName, type StepResult, stepNames, tail } from './steps'

/**
 * One app through every step, in its own temp folder outside the repository. A step runs only when the one it
 * needs succeeded (install needs migrate to have written, build needs install, serve needs build); the checks
 * after migrate and the second run report problems without stopping the app.
 */
export async function runApp(
  app: CorpusApp,
  tarball: string,
  { keep }: { keep: boolean },
): Promise<Omit<AppResult, 'run'>> {
  const work = await mkdtemp(join(tmpdir(), `vike-photon-corpus-${app.name}-`))
  const log = new AppLog(join(work, 'corpus.log'))
  const steps = Object.fromEntries(stepNames.map((s) => [s, { status: 'skipped' }])) as Record<StepName, StepResult>
  const result: Omit<AppResult, 'run'> = {
    name: app.name,
    repo: app.repo,
    commit: app.commit,
    source: app.source,
    sourceVersion: app.sourceVersion,
    framework: app.framework,
    steps,
    todos: [],
    problems: [],
    notes: [],
  }
  const paths: Record<string, string> = {
    [join(work, 'repo')]: '<repo>',
    [work]: '<work>',
    [dirname(tarball)]: '<pack>',
  }

  /** Runs one step; returns its value, or undefined when it failed (the failure is recorded). */
  async function step<T>(name: StepName, fn: () => Promise<T>, detail?: (value: T) => string | undefined) {
    const started = Date.now()
    try {
      const value = await fn()
      steps[name] = { status: 'ok', detail: detail?.(value), seconds: (Date.now() - started) / 1000 }
      return value
    } catch (error) {
      const message = error instanceof StepError ? error.message : cell(String((error as Error).stack ?? error))
      const error1 = sanitize(message, paths)
      steps[name] = { status: 'fail', error: error1, seconds: (Date.now() - started) / 1000 }
      log.write(`\n!!! ${name} failed: ${message}`)
      result.failed ??= {
        step: name,
        error: error1,
        log: sanitize(tail(error instanceof StepError && error.log ? error.log : message), paths),
      }
      return undefined
    }
  }

  try {
    const dirs = await step('migrate', async () => {
      const gitDir = gitDirOf(app)
      paths[gitDir] = '<mirror>'
      return checkout(log, { gitDir, commit: app.commit, appDir: app.appDir, work })
    })
    if (!dirs) return result
    if (dirs.missing.length > 0) {
      result.notes.push(`left out, not in the mirror (4 MiB or more): ${dirs.missing.join(', ')}`)
    }
    const { repoDir, appDir } = dirs
    let written = false
    await step(
      'migrate',
      async () => {
        const outcome = await migrate(log, appDir)
        written = true
        result.todos = outcome.todos.map((t) => `${t.file}:${t.line} ${t.message}`)
        result.problems = outcome.problems.map((p) => sanitize(p, paths))
        if (outcome.problems.length > 0) throw new StepError(cell(outcome.problems[0]!), outcome.problems.join('\n'))
        return outcome
      },
      (o) => (o.todos.length > 0 ? `${o.todos.length} TODO` : undefined),
    )
    // A migration whose checks failed was still written: carry on, to see what else breaks. So does an app already
    // on a vike-photon that migrate left alone (upstream 0.1.x): it shows whether this package drops in.
    if (!written && !dependsOnVikePhoton(appDir)) return result
    if (written) await step('second run', () => secondRun(log, repoDir, appDir))
    const installed = await step(
      'install',
      async () => {
        await useTarball(appDir, tarball)
        return install(log, app, repoDir, appDir)
      },
      (i) => (i.peerWarnings > 0 ? `${i.peerWarnings} peer warnings` : undefined),
    )
    if (!installed) return result
    const built = await step('build', () => build(log, app, { repoDir, appDir, installRoot: installed.root }))
    if (!built) return result
    const served = await step(
      'serve',
      () => serve(log, app, { repoDir, appDir, target: targetOf(appDir) }),
      (s) => `${s.kind}, ${s.pages} page${s.pages === 1 ? '' : 's'}`,
    )
    if (served?.printedUrl) {
      result.notes.push(`served at ${served.printedUrl}, the URL it prints: it hard-codes its port (PORT is ignored)`)
    }
    return result
  } finally {
    const killed = killLeftovers(work)
    if (killed > 0) log.write(`killed ${killed} processes left running in ${work}`)
    if (keep) console.log(`  ${app.name}: kept ${work} (log: ${log.file})`)
    else await rm(work, { recursive: true, force: true }).catch(() => {})
  }
}

/** No machine paths in what the runner writes: the app's folders and this checkout get placeholders. */
function sanitize(text: string, paths: Record<string, string>): string {
  let out = text
  const all = { ...paths, [workspaceRoot]: '<workspace>', [tmpdir()]: '<tmp>', [homedir()]: '~' }
  for (const [path, name] of Object.entries(all).sort(([a], [b]) => b.length - a.length)) {
    out = out.replaceAll(path, name)
  }
  return out
}

function dependsOnVikePhoton(appDir: string): boolean {
  const pkg = JSON.parse(readFileSync(join(appDir, 'package.json'), 'utf8')) as Record<string, object | undefined>
  return 'vike-photon' in { ...pkg.dependencies, ...pkg.devDependencies }
}
