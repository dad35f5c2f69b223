import type { API, FileInfo } from 'jscodeshift'
import type { TransformOptions } from '../context.js'
import { JsonDocument } from '../lib/json.js'

/**
 * A tsconfig that telefunc reads for the app's .telefunc files gets `"strict": true`. Migrate raises telefunc 0.1 to
 * 0.2 with Vike, and 0.2 generates shield() only under strict: without it the build stops with "Set
 * `compilerOptions.strict` to `true` in tsconfig.node.json" (a real corpus app, Etavioxy/wiki).
 */
export default function telefuncStrict(file: FileInfo, _api: API, _options: TransformOptions): string {
  const doc = new JsonDocument(file.source, true)
  if (doc.get(['compilerOptions', 'strict']) === true) return file.source
  doc.set(['compilerOptions', 'strict'], true)
  doc.commentAbove(['compilerOptions', 'strict'], 'telefunc 0.2 generates shield() only with strict: true')
  return doc.text
}
