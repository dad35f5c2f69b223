import type { API, FileInfo } from 'jscodeshift'
import { contextOf, type TransformOptions } from '../context.js'
import { importsFrom, parserFor } from '../lib/ast.js'
import { print } from '../lib/print.js'

/** Rule 30: `connectToWeb`/`createServerResponse` from vike-server or vike-node come from @universal-middleware/express. */
export default function connectToWeb(file: FileInfo, api: API, options: TransformOptions): string {
  const j = api.jscodeshift.withParser(parserFor(file.path))
  const ctx = contextOf(options)
  const root = j(file.source)
  for (const decl of importsFrom(j, root, (s) => s === 'vike-server' || s === 'vike-node')) {
    decl.node.source = j.stringLiteral('@universal-middleware/express')
    ctx.needs.add('@universal-middleware/express')
  }
  return print(root, file.source)
}
