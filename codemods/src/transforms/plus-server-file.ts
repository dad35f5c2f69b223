import type { API, FileInfo } from 'jscodeshift'
import type { TransformOptions } from '../context.js'
import { addTodo, getProp, parserFor, propName, unwrap } from '../lib/ast.js'
import { print } from '../lib/print.js'

// biome-ignore lint/suspicious/noExplicitAny: AST nodes of every shape.
type N = any

/**
 * Rule 15: a `+server.(js|ts)` plus-file with vike-server's value. The engine renames it to
 * `+photon.(js|ts)` (new Vike versions give `+server` a built-in meaning); this transform turns its value
 * into photon settings: `'server/index.ts'` → `{ server: 'server/index.ts' }`, long form unpacked.
 */
export default function plusServerFile(file: FileInfo, api: API, _options: TransformOptions): string {
  const j = api.jscodeshift.withParser(parserFor(file.path))
  const root = j(file.source)
  root.find(j.ExportDefaultDeclaration).forEach((path) => {
    const decl = path.node.declaration as N
    const value = unwrap(decl) as N
    if (value.type === 'ObjectExpression' && !getProp(value, 'entry')) return // already photon settings
    let settings: N
    if (value.type === 'ObjectExpression') {
      settings = j.objectExpression(
        value.properties.map((p: N) =>
          propName(p) === 'entry' ? { ...j.objectProperty(j.identifier('server'), p.value), comments: p.comments } : p,
        ),
      )
    } else settings = j.objectExpression([j.objectProperty(j.identifier('server'), decl)])
    path.node.declaration = settings
    addTodo(
      j,
      path.node,
      'this file was +server (vike-server) and is now +photon (vike-photon): check the settings below; an `entry` object keeps only `index` as `server`',
    )
  })
  return print(root, file.source)
}
