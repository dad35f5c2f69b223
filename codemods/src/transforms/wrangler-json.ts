import type { API, FileInfo } from 'jscodeshift'
import { CLOUDFLARE_MINIMUM_DATES } from '../../../packages/vike-photon/src/facts.js'
import { contextOf, type TransformOptions } from '../context.js'
import { raisedCompatibilityDate, reportRaisedDate } from '../lib/compatibility-date.js'
import { JsonDocument } from '../lib/json.js'
import { todoText } from '../lib/todo.js'
import { photonMain } from './wrangler-toml.js'

/** wrangler.json / wrangler.jsonc, edited in place so comments stay (rules 34, 36). */
export default function wranglerJson(file: FileInfo, _api: API, options: TransformOptions): string {
  const ctx = contextOf(options)
  const doc = new JsonDocument(file.source, true)
  const outputDirIndex = doc.indexOf(['pages_build_output_dir'])
  if (doc.get(['main']) === undefined) {
    doc.set(['main'], photonMain, outputDirIndex === -1 ? 0 : outputDirIndex)
  }
  doc.remove(['pages_build_output_dir'])
  const flags = doc.get(['compatibility_flags'])
  if (flags === undefined) doc.set(['compatibility_flags'], ['nodejs_compat'], doc.indexOf(['main']) + 1)
  else if (Array.isArray(flags) && !flags.includes('nodejs_compat')) {
    doc.set(['compatibility_flags', flags.length], 'nodejs_compat')
  }

  const minimum = (options.minimumCompatibilityDate as string | undefined) ?? CLOUDFLARE_MINIMUM_DATES.nodejsCompat
  const date = doc.get(['compatibility_date'])
  const raised = typeof date === 'string' && raisedCompatibilityDate(date, minimum)
  if (typeof date === 'string' && raised) {
    doc.set(['compatibility_date'], raised)
    reportRaisedDate(ctx, file.path, doc.lineOf(['compatibility_date']), date, raised)
  }

  const message =
    '`preview_database_id` is a Cloudflare Pages key: the app now deploys as a Worker with assets, so switch the Pages project to Workers and check this D1 binding'
  const d1 = doc.get(['d1_databases'])
  if (Array.isArray(d1)) {
    d1.forEach((db, i) => {
      if (db && typeof db === 'object' && 'preview_database_id' in db) {
        const path = ['d1_databases', i, 'preview_database_id']
        if (file.path.endsWith('.jsonc')) doc.commentAbove(path, todoText(message))
        else ctx.reportedTodos.push({ file: file.path, line: doc.lineOf(path), message })
      }
    })
  }
  return doc.text
}
