import { appendFileSync, readdirSync, readlinkSync } from 'node:fs'
import { type RunOptions, type RunResult, run } from '@vike-photon/test-kit/process'

// What every step of the runner shares: one log file per app, commands that never hang (each has a timeout), and
// failures that carry the one line worth printing in the table.

export type StepName = 'migrate' | 'second run' | 'install' | 'build' | 'serve'
export const stepNames: StepName[] = ['migrate', 'second run', 'install', 'build', 'serve']

export type StepResult = {
  status: 'ok' | 'fail' | 'skipped'
  /** Shown in the table next to the status, e.g. "3 TODO" or "static". */
  detail?: string
  /** The first line that says what went wrong. */
  error?: string
  seconds?: number
}

/** A step failed; `message` becomes the table's "first error", `log` the tail kept in results.json. */
export class StepError extends Error {
  constructor(
    message: string,
    readonly log = '',
  ) {
    super(message)
  }
}

/** The app's log: every command and its whole output, in order (kept in the app's temp folder). */
export class AppLog {
  constructor(readonly file: string) {}
  write(text: string) {
    appendFileSync(this.file, text.endsWith('\n') ? text : `${text}\n`)
  }
}

/** Runs a command; its output goes to the log. Fails with a StepError on a non-zero exit or a timeout. */
export async function exec(log: AppLog, cmd: string, args: string[], opts: RunOptions): Promise<RunResult> {
  const line = `$ ${[cmd, ...args].join(' ')}   (in ${opts.cwd})`
  log.write(`\n${line}`)
  let result: RunResult
  try {
    result = await Promise.race([run(cmd, args, { ...opts, allowFailure: true }), watchdog(opts.timeoutMs + 60_000)])
  } catch (error) {
    const message = (error as Error).message
    log.write(message)
    throw new StepError(
      /timed out/.test(message) ? `timed out after ${opts.timeoutMs / 1000} s: ${cmd} ${args.join(' ')}` : message,
      message,
    )
  }
  log.write(result.output)
  if (result.code !== 0 && !opts.allowFailure) {
    throw new StepError(
      firstErrorLine(result.output) ?? `${cmd} ${args.join(' ')} exited with ${result.code ?? result.signal}`,
      tail(result.output),
    )
  }
  return result
}

/** Lines that look like errors but are not the cause (or are too generic to tell it). */
const noise = [
  /^npm (error|ERR!) (code|errno|syscall|path|A complete log|command|signal)\b/,
  /^npm (warn|WARN)/,
  /^\s*at\s/,
  /ELIFECYCLE|Command failed with exit code|error Command failed|exited with code/,
  /^\s*(error|ERROR)\s*$/,
  /^\s*\d+ error/,
  /Error: Process completed with exit code/,
  /^\s*ERR_PNPM_RECURSIVE_RUN_FIRST_FAIL/,
  /annotation that Rollup cannot interpret/, // a warning about a dependency's comments
]

const errorish =
  /\b(ERR!|ERR_[A-Z_]+|ERESOLVE|[A-Za-z]*Error\b|error\b|Wrong Usage|failed|Cannot|Could not|Unexpected|not found|Missing|Invalid|Unsupported|isn't supported|refused)/i

/** The first line of a command's output that says what failed, trimmed to fit a table cell. */
export function firstErrorLine(output: string): string | undefined {
  const lines = output.split('\n').map((l) => l.trim())
  const summary = eresolve(lines) ?? afterMarker(lines) ?? lastThrown(lines)
  if (summary) return cell(summary)
  const hit = lines.find((l) => l !== '' && errorish.test(l) && !noise.some((n) => n.test(l)))
  return hit ? cell(hit) : undefined
}

/** npm's ERESOLVE report in one line: what was found, and the first peer range that excludes it. */
function eresolve(lines: string[]): string | undefined {
  if (!lines.some((l) => /^npm (error|ERR!) code ERESOLVE/.test(l))) return undefined
  const strip = (l: string) => l.replace(/^npm (error|ERR!)\s*/, '')
  const found = lines.find((l) => /^npm (error|ERR!) Found: /.test(l))
  const at = found ? lines.indexOf(found) : -1
  const peer = lines.slice(at + 1).find((l) => /^npm (error|ERR!)\s+peer(Optional)? .+ from /.test(l))
  const conflicting = lines.find((l) => /Conflicting peer dependency:|Could not resolve dependency:/.test(l))
  return `ERESOLVE: ${[found, peer ?? conflicting]
    .filter(Boolean)
    .map((l) => strip(l!))
    .join('; ')}`
}

/** The last line that starts with an error's name (\`TypeError: fetch failed\`): what ended the command. */
function lastThrown(lines: string[]): string | undefined {
  return lines.findLast((l) => /^([A-Z]\w*)?Error(\s*\[[\w-]+\])?: \S/.test(l))
}

/** The line after a tool's own "here is the error" marker (Vite's "error during build:"). */
function afterMarker(lines: string[]): string | undefined {
  const at = lines.findIndex((l) => /^error during build:$/i.test(l))
  return at === -1 ? undefined : lines.slice(at + 1).find((l) => l !== '')
}

/** One line, no table pipes, at most 220 characters. */
export function cell(text: string): string {
  const one = text.replace(/\s+/g, ' ').replaceAll('|', '\\|').trim()
  return one.length > 220 ? `${one.slice(0, 217)}...` : one
}

/** The end of a command's output. */
export function tail(output: string, lines = 40): string {
  return output.trimEnd().split('\n').slice(-lines).join('\n')
}

/**
 * Rejects after `ms`: `run()` waits for the command's output to close, which never happens when a process that
 * escaped its process group still holds it (seen once: a build that outlived its timeout by 15 minutes).
 */
function watchdog(ms: number): Promise<never> {
  return new Promise((_, reject) => {
    setTimeout(() => reject(new Error(`timed out: no end ${ms / 1000} s after start`)), ms).unref()
  })
}

/** Kills every process still running in `dir` (a server or build that outlived its step). Returns how many. */
export function killLeftovers(dir: string): number {
  let killed = 0
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      if (!readlinkSync(`/proc/${pid}/cwd`).startsWith(dir)) continue
      process.kill(Number(pid), 'SIGKILL')
      killed++
    } catch {
      // gone, or not ours to read
    }
  }
  return killed
}
