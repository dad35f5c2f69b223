import type { API, FileInfo } from 'jscodeshift'
import { CLOUDFLARE_MINIMUM_DATES, PHOTON_WORKER_MAIN } from '../../../packages/vike-photon/src/facts.js'
import { contextOf, type TransformOptions } from '../context.js'
import { raisedCompatibilityDate, reportRaisedDate } from '../lib/compatibility-date.js'
import { todoText } from '../lib/todo.js'

export const photonMain = PHOTON_WORKER_MAIN

/**
 * wrangler.toml, edited line by line so comments, tables and bindings stay (rules 34, 36): drops the
 * Pages-only `pages_build_output_dir`, sets `main` to Photon's worker entry before the first table,
 * makes sure `nodejs_compat` is on, raises a `compatibility_date` too old for the migrated app
 * (`minimumCompatibilityDate` option, set by the engine from package.json), and marks D1 `preview_database_id`.
 */
export default function wranglerToml(file: FileInfo, _api: API, options: TransformOptions): string {
  const eol = file.source.includes('\r\n') ? '\r\n' : '\n'
  const lines = file.source.split(/\r?\n/)
  const isTable = (l: string) => /^\s*\[/.test(l)
  const firstTable = () => {
    const i = lines.findIndex(isTable)
    return i === -1 ? lines.length : i
  }
  const topKey = (key: string) => lines.slice(0, firstTable()).findIndex((l) => new RegExp(`^\\s*${key}\\s*=`).test(l))

  const outputDir = topKey('pages_build_output_dir')
  if (topKey('main') === -1) {
    const line = `main = "${photonMain}"`
    if (outputDir !== -1) lines[outputDir] = line
    else {
      let at = 0
      for (let i = 0; i < firstTable(); i++) if (/^\s*[\w"-]+\s*=/.test(lines[i]!)) at = i + 1
      lines.splice(at, 0, line)
    }
  } else if (outputDir !== -1) lines.splice(outputDir, 1)

  const flags = topKey('compatibility_flags')
  if (flags === -1) lines.splice(topKey('main') + 1, 0, 'compatibility_flags = ["nodejs_compat"]')
  else if (!lines[flags]!.includes('nodejs_compat') && /\[\s*(.*?)\s*\]/.test(lines[flags]!)) {
    lines[flags] = lines[flags]!.replace(/\[\s*(.*?)\s*\]/, (_m, inner: string) =>
      inner ? `[${inner}, "nodejs_compat"]` : '["nodejs_compat"]',
    )
  }

  const minimum = (options.minimumCompatibilityDate as string | undefined) ?? CLOUDFLARE_MINIMUM_DATES.nodejsCompat
  const dateLine = topKey('compatibility_date')
  const date = dateLine === -1 ? null : /=\s*(["'])([^"']*)\1/.exec(lines[dateLine]!)
  const raised = date && raisedCompatibilityDate(date[2]!, minimum)
  if (date && raised) {
    lines[dateLine] = lines[dateLine]!.replace(date[2]!, raised)
    reportRaisedDate(contextOf(options), file.path, dateLine + 1, date[2]!, raised)
  }

  // Rule 36: D1's preview_database_id only exists for Pages.
  const todo = todoText(
    '`preview_database_id` is a Cloudflare Pages key: the app now deploys as a Worker with assets, so switch the Pages project to Workers and check this D1 binding',
  )
  for (let i = lines.length - 1; i >= 0; i--) {
    if (/^\s*preview_database_id\s*=/.test(lines[i]!) && !lines[i - 1]?.includes(todo)) {
      lines.splice(i, 0, `${/^\s*/.exec(lines[i]!)![0]}# ${todo}`)
    }
  }
  return lines.join(eol)
}
