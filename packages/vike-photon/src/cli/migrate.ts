import { createInterface } from 'node:readline/promises'
import { parseArgs } from 'node:util'
import {
  ApplyError,
  applyPlan,
  dirtyFiles,
  type FileChange,
  MigrateError,
  type MigrationPlan,
  planMigration,
  touchedPaths,
} from '@vike-photon/codemods'
import { createTwoFilesPatch } from 'diff'
import { didYouMean } from '../did-you-mean.js'

/**
 * Exit codes of `vike-photon migrate`:
 * - 0: done (or nothing to do), no manual step left;
 * - 1: nothing written: bad arguments, not an app folder, a file failed to parse, uncommitted changes
 *   (without --force), or the confirmation was declined;
 * - 2: migrated (with --dry-run: would migrate), and TODO(vike-photon migrate) steps remain;
 * - 3: partly written: writing failed and restoring the files already written failed too (the message lists them);
 * - 130: interrupted at the prompt (Ctrl-C), nothing written.
 */
export const exitCodes = { ok: 0, failed: 1, manualSteps: 2, partial: 3, interrupted: 130 } as const

const help = `Usage: vike-photon migrate [dir] [options]

Moves the Vike app in [dir] (default: the current folder) from vike-server, vike-node, vike-cloudflare or
vite-plugin-vercel to vike-photon. Shows the plan, then applies it.

Options:
  --dry-run   Print a unified diff of every change; write nothing
  --json      Print a machine-readable report (no prompt)
  -y, --yes   Apply without asking (without a TTY it never asks)
  --force     Run even if files it would change have uncommitted git changes
  -h, --help  Show this help

Exit codes: 0 done, nothing left to do by hand; 1 nothing written (error, dirty tree, declined);
2 migrated, but TODO(vike-photon migrate) steps remain; 3 partly written (a write failed and could not
be undone: run it again to finish); 130 interrupted at the prompt, nothing written.
`

interface Io {
  version: string
  /** The folder of the docs shipped with the package (ends with a slash). */
  docsDir: string
}

export async function migrateCommand(argv: string[], io: Io): Promise<number> {
  // --json is honoured even when the rest of the arguments are wrong: the output is JSON whatever happens.
  const json = argv.includes('--json')
  try {
    return await run(argv, io)
  } catch (err) {
    if (!json) throw err
    const message = `unexpected error (a bug in vike-photon migrate; please report it): ${(err as Error).stack ?? String(err)}`
    return fail(true, message)
  }
}

async function run(argv: string[], io: Io): Promise<number> {
  let args: ReturnType<typeof parse>
  try {
    args = parse(argv)
  } catch (err) {
    if (argv.includes('--json')) return fail(true, argumentError(err as Error))
    process.stderr.write(`vike-photon migrate: ${argumentError(err as Error)}\n\n${help}`)
    return exitCodes.failed
  }
  if (args.values.help) {
    process.stdout.write(help)
    return exitCodes.ok
  }
  if (args.positionals.length > 1) {
    return fail(
      args.values.json,
      `one folder at a time, got ${args.positionals.length}: ${args.positionals.join(', ')}. Run vike-photon migrate once per app folder.`,
    )
  }
  const dir = args.positionals[0] ?? '.'
  const { json, force } = args.values
  const dryRun = args.values['dry-run']
  const out = (line = '') => {
    if (!json) process.stdout.write(`${line}\n`)
  }

  let plan: MigrationPlan
  const started = performance.now()
  try {
    plan = planMigration(dir, { vikePhotonVersion: io.version })
  } catch (err) {
    if (!(err instanceof MigrateError)) throw err
    return fail(json, err.message)
  }
  const planMs = Math.round(performance.now() - started)

  if (plan.errors.length > 0) {
    const selfCheck = plan.errors.filter((e) => e.kind === 'self-check')
    const refused = plan.errors.filter((e) => e.kind === 'refused')
    const parse = plan.errors.filter((e) => e.kind !== 'self-check' && e.kind !== 'refused')
    const parts: string[] = []
    if (refused.length > 0) {
      const lines = refused.map((e) => `  ${e.file}: ${e.message}`)
      parts.push(
        `Cannot write ${refused.length === 1 ? 'a file' : `${refused.length} files`} safely; nothing was written:\n${lines.join('\n')}`,
      )
    }
    if (parse.length > 0) {
      const lines = parse.map((e) => `  ${e.file}:${e.line}:${e.column}: ${e.message}`)
      parts.push(
        `Could not parse ${parse.length === 1 ? 'a file' : `${parse.length} files`}; nothing was written:\n${lines.join('\n')}\nFix the syntax error (or run your build to see it), then run vike-photon migrate again.`,
      )
    }
    if (selfCheck.length > 0) {
      const lines = selfCheck.map((e) => `  ${e.file}: ${e.message}`)
      parts.push(
        `The migration's self-check stopped it; nothing was written:\n${lines.join('\n')}\nThis is a bug in vike-photon migrate: please report it with the file shown.`,
      )
    }
    return fail(json, parts.join('\n'), plan)
  }
  if (plan.sources.length === 0) {
    if (json) report(plan, { dryRun, written: false, exitCode: exitCodes.ok, status: 'nothing-to-do' })
    out(
      `Nothing to do: ${plan.root} uses none of vike-server, vike-node, vike-cloudflare, vite-plugin-vercel or vike-vercel (checked package.json and the imports in the code).`,
    )
    return exitCodes.ok
  }

  out(`vike-photon migrate ${plan.root}`)
  out(`Found: ${plan.sources.map((s) => `${s.title}${s.version ? ` ${s.version}` : ''}`).join(', ')}`)
  for (const s of plan.sources.filter((s) => s.importedBy)) {
    out(
      `  ${s.package}: package.json no longer lists it, but ${s.importedBy} still imports it (an unfinished migration)`,
    )
  }
  out()
  out(plan.changes.length > 0 ? 'Plan:' : 'Plan: no file needs a change.')
  for (const c of plan.changes) out(`  ${c.status.padEnd(8)} ${c.from ? `${c.from} → ${c.path}` : c.path}`)

  if (!dryRun && !force) {
    const dirty = dirtyFiles(plan.root, touchedPaths(plan))
    if (dirty.length > 0) {
      return fail(
        json,
        `These files have uncommitted changes, and vike-photon migrate would change them:\n${dirty.map((f) => `  ${f}`).join('\n')}\nCommit or stash them first (so you can review the migration's diff), or run again with --force.`,
        plan,
      )
    }
  }

  const exitCode = plan.todos.length > 0 ? exitCodes.manualSteps : exitCodes.ok
  if (dryRun) {
    for (const c of plan.changes) {
      out()
      out(gitPatch(c))
    }
    if (json) report(plan, { dryRun, written: false, exitCode, status: 'dry-run' })
    summary(plan, out, { written: false, planMs, docsDir: io.docsDir })
    return exitCode
  }

  if (!json && !args.values.yes && process.stdin.isTTY && process.stdout.isTTY && plan.changes.length > 0) {
    const answer = await ask('\nApply these changes? [Y/n] ')
    if (answer === null) {
      out('\nInterrupted: nothing was written.')
      return exitCodes.interrupted
    }
    if (answer !== '' && answer !== 'y' && answer !== 'yes') {
      out('Nothing was written.')
      return exitCodes.failed
    }
  }

  try {
    applyPlan(plan)
  } catch (err) {
    if (!(err instanceof ApplyError)) throw err
    const code = err.state === 'partial' ? exitCodes.partial : exitCodes.failed
    if (json) {
      report(plan, { dryRun, written: err.state === 'partial', exitCode: code, status: 'error', error: err.message })
    } else process.stderr.write(`vike-photon migrate: ${err.message}\n`)
    return code
  }
  if (json) report(plan, { dryRun, written: true, exitCode, status: 'migrated' })
  summary(plan, out, { written: true, planMs, docsDir: io.docsDir })
  return exitCode
}

/** The answer, lowercased and trimmed; null when the user pressed Ctrl-C (or closed the input). */
async function ask(question: string): Promise<string | null> {
  const rl = createInterface({ input: process.stdin, output: process.stdout })
  const interrupted = new AbortController()
  rl.on('SIGINT', () => interrupted.abort())
  rl.on('close', () => interrupted.abort())
  try {
    return (await rl.question(question, { signal: interrupted.signal })).trim().toLowerCase()
  } catch (err) {
    if ((err as Error).name === 'AbortError') return null
    throw err
  } finally {
    rl.close()
  }
}

/**
 * A change as a git-style patch (`git apply` takes it): headers for new and renamed files, and lines kept byte for
 * byte, a CRLF file's `\r` included.
 */
function gitPatch(c: FileChange): string {
  const from = c.from ?? c.path
  const header = [`diff --git a/${from} b/${c.path}`]
  if (c.before === null) header.push(`new file mode 100644`)
  if (c.from) {
    header.push(`rename from ${c.from}`, `rename to ${c.path}`)
    if (c.before === c.after) return [header[0], 'similarity index 100%', ...header.slice(1)].join('\n')
  }
  const body = createTwoFilesPatch(
    c.before === null ? '/dev/null' : `a/${from}`,
    `b/${c.path}`,
    c.before ?? '',
    c.after,
    undefined,
    undefined,
    { context: 3 },
  )
    .replace(/^=+\n/, '')
    .replace(/\n$/, '')
  return `${header.join('\n')}\n${body}`
}

const options = {
  'dry-run': { type: 'boolean', default: false },
  json: { type: 'boolean', default: false },
  yes: { type: 'boolean', short: 'y', default: false },
  force: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const

/** parseArgs' message, shortened, with the closest known option when an unknown one was given. */
function argumentError(err: Error): string {
  const unknown = /^Unknown option '(-{1,2}[^']+)'/.exec(err.message)
  if (!unknown) return err.message
  const given = unknown[1]!
  const names = Object.entries(options).flatMap(([name, o]) => [`--${name}`, ...('short' in o ? [`-${o.short}`] : [])])
  return `unknown option "${given}".${didYouMean(given, names, (n) => `"${n}"`)}`
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options,
  })
}

function fail(json: boolean, message: string, plan?: MigrationPlan): number {
  if (json) report(plan, { dryRun: false, written: false, exitCode: exitCodes.failed, status: 'error', error: message })
  else process.stderr.write(`vike-photon migrate: ${message}\n`)
  return exitCodes.failed
}

interface ReportState {
  dryRun: boolean
  written: boolean
  exitCode: number
  status: 'migrated' | 'dry-run' | 'nothing-to-do' | 'error'
  error?: string
}

/** The --json report (version 1). */
function report(plan: MigrationPlan | undefined, state: ReportState): void {
  const body = {
    version: 1,
    status: state.status,
    exitCode: state.exitCode,
    dryRun: state.dryRun,
    written: state.written,
    root: plan?.root ?? null,
    sources: plan?.sources ?? [],
    files: (plan?.changes ?? []).map((c) => ({ path: c.path, status: c.status, ...(c.from ? { from: c.from } : {}) })),
    dependencies: plan?.dependencies ?? { added: [], removed: [] },
    todos: plan?.todos ?? [],
    errors: plan?.errors ?? [],
    packageManager: plan?.packageManager ?? null,
    nextSteps: plan?.nextSteps ?? [],
    ...(state.error ? { error: state.error } : {}),
  }
  process.stdout.write(`${JSON.stringify(body, null, 2)}\n`)
}

function summary(
  plan: MigrationPlan,
  out: (line?: string) => void,
  { written, planMs, docsDir }: { written: boolean; planMs: number; docsDir: string },
) {
  const { added, removed } = plan.dependencies
  out()
  out(written ? `Migrated in ${planMs} ms.` : `Dry run (${planMs} ms): nothing was written.`)
  out(`  Files ${written ? 'changed' : 'to change'}: ${plan.changes.length}`)
  out(`  Dependencies added or updated: ${added.map((d) => `${d.name}@${d.version}`).join(', ') || 'none'}`)
  out(`  Dependencies removed: ${removed.map((d) => d.name).join(', ') || 'none'}`)
  if (written && plan.leftovers.length > 0) {
    out(`  Temporary files of an interrupted run, removed: ${plan.leftovers.join(', ')}`)
  }
  if (plan.todos.length > 0) {
    out()
    out(`Manual steps left (${plan.todos.length}), marked TODO(vike-photon migrate) in the code:`)
    for (const t of plan.todos) out(`  ${t.file}:${t.line}  ${t.message}`)
  }
  out()
  out('Next:')
  for (const cmd of plan.nextSteps) out(`  ${cmd}`)
  out()
  out(`Guide: ${docsDir}migration.md. Review the diff before committing; this tool may not cover everything.`)
}
