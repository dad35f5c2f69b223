// `pnpm corpus`: vike-photon migrate on real public apps, each taken through migrate, a second run, a plain
// install, its build and its server. See e2e/corpus/README.md.

import { execFileSync } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { runApp } from './app'
import { type CorpusApp, defaultAppsFile, gitDirOf, loadApps } from './list'
import { buildAndPack } from './pack'
import { workspaceRoot } from './paths'
import {
  type AppResult,
  causeLine,
  failuresByClass,
  loadResults,
  loadTriage,
  passed,
  summaryLine,
  table,
  writeResults,
} from './report'
import { stepNames } from './steps'

const usage = `Usage: pnpm corpus [--only <name,...> [--update]] [--jobs N] [--keep] [--apps <file>]

  --only <names>  run these apps only (comma-separated); results.md/json are then left as they are
  --update        with --only: replace these apps' rows in results.md/json (each row says which run it is from)
  --report        run nothing: rewrite results.md from results.json and triage.json (after triaging)
  --jobs N        apps run side by side (default 1, at most 2: installs and builds are heavy)
  --keep          keep each app's temp folder (with its full log, corpus.log) and print its path
  --apps <file>   another app list (default e2e/corpus/apps.json); its entries may name a local \`gitDir\`

Needs VIKE_PHOTON_CORPUS_MIRROR: the folder holding one git mirror per app, <owner>+<name>/repo.`

async function main() {
  const { values } = parseArgs({
    options: {
      only: { type: 'string' },
      jobs: { type: 'string', default: '1' },
      keep: { type: 'boolean', default: false },
      update: { type: 'boolean', default: false },
      report: { type: 'boolean', default: false },
      apps: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  })
  if (values.help) return console.log(usage)
  if (values.report) {
    const results = loadResults()
    const triage = loadTriage()
    await writeResults(results, triage)
    return console.log(`${table(results, triage)}\n\n${summaryLine(results)}\n${causeLine(results, triage)}`)
  }
  const jobs = Number(values.jobs)
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > 2) throw new Error(`--jobs must be 1 or 2 (got ${values.jobs}).`)

  // `pnpm corpus` runs this file from e2e/: a relative --apps is relative to where pnpm was started.
  const listFile = values.apps ? resolve(process.env.INIT_CWD ?? '.', values.apps) : defaultAppsFile
  let apps = loadApps(listFile)
  if (values.only) {
    const names = values.only.split(',').map((n) => n.trim())
    const unknown = names.filter((n) => !apps.some((a) => a.name === n))
    if (unknown.length > 0) {
      throw new Error(
        `--only: no app named ${unknown.join(', ')} in ${listFile}. Known: ${apps.map((a) => a.name).join(', ')}`,
      )
    }
    apps = apps.filter((a) => names.includes(a.name))
  }
  if (apps.length === 0) throw new Error(`${listFile} lists no app.`)
  if (values.update && !values.only) throw new Error('--update goes with --only (a full run rewrites every row).')
  // Fail before building anything when the mirrors cannot be found at all.
  if (apps.some((a) => !a.gitDir)) gitDirOf(apps.find((a) => !a.gitDir)!)

  const info = {
    date: new Date().toISOString(),
    main: mainInHead(),
    head: git(['rev-parse', '--short=12', 'HEAD']),
    node: process.version,
  }
  console.log(`corpus: ${apps.length} apps, ${jobs} at a time; main ${info.main}, HEAD ${info.head}`)
  const packDir = await mkdtemp(join(tmpdir(), 'vike-photon-corpus-pack-'))
  try {
    console.log('building the workspace and packing packages/vike-photon...')
    const tarball = await buildAndPack(packDir)

    const results: AppResult[] = new Array(apps.length)
    let next = 0
    const worker = async () => {
      while (next < apps.length) {
        const i = next++
        const app = apps[i]!
        console.log(`▶ ${app.name} (${app.repo} ${app.commit.slice(0, 10)}, ${app.source})`)
        results[i] = { ...(await runApp(app, tarball, { keep: values.keep })), run: info }
        printOne(results[i]!, app)
      }
    }
    await Promise.all(Array.from({ length: Math.min(jobs, apps.length) }, worker))

    const triage = loadTriage()
    console.log(`\n${table(results, triage)}\n`)
    const failures = failuresByClass(results, triage)
    if (failures) console.log(`${failures}\n`)
    if (!values.only) await writeResults(results, triage)
    if (values.update) {
      const merged = loadApps(listFile).flatMap((app) => {
        const row = results.find((r) => r.name === app.name) ?? loadResults().find((r) => r.name === app.name)
        return row ? [row] : []
      })
      await writeResults(merged, triage)
      console.log(summaryLine(merged))
      console.log(causeLine(merged, triage))
      return
    }
    console.log(summaryLine(results))
    console.log(causeLine(results, triage))
  } finally {
    await rm(packDir, { recursive: true, force: true })
  }
}

function printOne(result: AppResult, app: CorpusApp) {
  const steps = stepNames.map((s) => `${s} ${result.steps[s].status}`).join(', ')
  const triage = loadTriage()[app.name]
  console.log(`${passed(result) ? '✓' : '✗'} ${app.name}: ${steps}`)
  if (result.failed) {
    console.log(`    ${result.failed.step}: ${result.failed.error}`)
    console.log(
      `    triage: ${triage ? `${triage.class}: ${triage.reason}` : 'none yet (add it to e2e/corpus/triage.json)'}`,
    )
  }
}

/** The newest commit of `main` that this branch contains (what `git merge main` last brought in). */
function mainInHead(): string {
  for (const commit of git(['rev-list', '--first-parent', '--max-count=200', 'main']).split('\n')) {
    if (git(['merge-base', '--is-ancestor', commit, 'HEAD']) !== 'unknown') return commit.slice(0, 12)
  }
  return 'unknown'
}

function git(args: string[]): string {
  try {
    return execFileSync('git', args, { cwd: workspaceRoot, encoding: 'utf8' }).trim()
  } catch {
    return 'unknown'
  }
}

// Ctrl-C: exit through process.on('exit'), which stops every server still running (@vike-photon/test-kit/process).
process.on('SIGINT', () => process.exit(130))
main().catch((error: Error) => {
  console.error(`corpus: ${error.message}`)
  process.exit(1)
})
