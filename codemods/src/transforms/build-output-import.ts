import type { API, FileInfo } from 'jscodeshift'
import type { TransformOptions } from '../context.js'
import { addTodo, parserFor, statementOf } from '../lib/ast.js'
import { print } from '../lib/print.js'

/** A module path into the old server build: `../dist/server/index.mjs`, `./dist/server/index.js`, ... */
export const buildOutputPath = /^(?:\.{1,2}\/)+(?:[\w.-]+\/)*dist\/server\/index\.[cm]?js$/

/**
 * Class 2.7: a file that imports the old server build as an app (a Vercel `api/index.js` wrapping it with
 * `connectToWeb`, a test, a custom launcher). Under vike-photon that file is a launcher that starts the
 * server, not an app to wrap: the import gets a TODO at its line saying what to do instead.
 */
export default function buildOutputImport(file: FileInfo, api: API, _options: TransformOptions): string {
  const j = api.jscodeshift.withParser(parserFor(file.path))
  const root = j(file.source)
  const message =
    "this imports the old server build as an app, but vike-photon's dist/server/index.mjs starts the server itself. On Vercel: delete this file and its rewrite in vercel.json, and add @photonjs/vercel (it deploys your server entry). Elsewhere: import your server entry instead; its default export (what serve() returns) has `fetch(request)`"
  // Babel's parser (ts/tsx) gives every string a StringLiteral: import, import(), require(), re-export.
  root.find(j.StringLiteral).forEach((path) => {
    if (buildOutputPath.test(path.node.value)) addTodo(j, statementOf(path).node, message)
  })
  return print(root, file.source)
}
