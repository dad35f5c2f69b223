import type {
  ASTPath,
  CallExpression,
  ExportDefaultDeclaration,
  Node,
  ObjectExpression,
  VariableDeclarator,
} from 'jscodeshift'
import { enclosingFunction, propName, unwrap } from '../../lib/ast.js'
import { type EntryState, parentOf, type Statement } from './state.js'

/** Rule 28: `onServer` was renamed `onCreate`. */
export function renameServeOptions(s: EntryState): void {
  const j = s.j
  s.root.find(j.CallExpression, { callee: { type: 'Identifier', name: s.serveLocal } }).forEach((path) => {
    const arg = path.node.arguments[1]
    const opts = arg && unwrap(arg)
    if (opts?.type !== 'ObjectExpression') return
    for (const p of (opts as ObjectExpression).properties) {
      if (propName(p) === 'onServer' && p.type !== 'SpreadElement' && p.type !== 'SpreadProperty') {
        p.key = j.identifier('onCreate')
        if ('shorthand' in p && p.shorthand) {
          p.shorthand = false
        }
      }
    }
  })
}

type FunctionLike = Node & { type: string; async?: boolean; body?: unknown; id?: { name: string } | null }

/** Rule 26: the entry must `export default` what serve() returns (awaited when the starter is async). */
export function exportServe(s: EntryState): void {
  const j = s.j
  const program = s.program
  let exportDefault = program.body.find((st) => st.type === 'ExportDefaultDeclaration') as
    | ExportDefaultDeclaration
    | undefined
  const dTodo = (path: ASTPath, why: string) =>
    s.todo(
      path,
      `${why}: vike-photon imports the entry's default export, which must be the object serve() returns (\`export default serve(app)\`)`,
    )

  s.root.find(j.CallExpression, { callee: { type: 'Identifier', name: s.serveLocal } }).forEach((path) => {
    const fn = enclosingFunction(path) as FunctionLike | null
    const parentPath = parentOf(path)!
    const parent = parentPath.node
    if (!fn) {
      if (parent.type === 'ExportDefaultDeclaration') return
      if (parent.type === 'ExpressionStatement' && parentOf(parentPath)?.node === program) {
        if (exportDefault) {
          dTodo(path, 'this file already has a default export')
          return
        }
        exportDefault = j.exportDefaultDeclaration(path.node)
        exportDefault.comments = parent.comments
        parentPath.replace(exportDefault)
        return
      }
      dTodo(path, 'serve() no longer listens and its result is not a Node server')
      return
    }
    const returned =
      (parent.type === 'ReturnStatement' && (parent as { argument?: unknown }).argument === path.node) ||
      (fn.type === 'ArrowFunctionExpression' && fn.body === path.node)
    if (!returned) {
      dTodo(path, 'serve() is called inside a function without returning its result')
      return
    }
    const starter = functionName(path, fn)
    if (!starter) {
      dTodo(path, 'serve() is called inside an anonymous function')
      return
    }
    if (starter.exported) {
      dTodo(path, `\`${starter.name}\` is a named export`)
      return
    }
    exportStarter(
      s,
      starter.name,
      Boolean(fn.async),
      (why) => dTodo(path, why),
      () => exportDefault,
      (d) => {
        exportDefault = d
      },
    )
  })
}

function exportStarter(
  s: EntryState,
  name: string,
  isAsync: boolean,
  todo: (why: string) => void,
  getExport: () => ExportDefaultDeclaration | undefined,
  setExport: (d: ExportDefaultDeclaration) => void,
): void {
  const j = s.j
  const program = s.program
  const wrap = (call: CallExpression) => (isAsync ? j.awaitExpression(call) : call)
  const isStarterCall = (n: Node | null | undefined): n is CallExpression =>
    n?.type === 'CallExpression' &&
    (n as CallExpression).callee.type === 'Identifier' &&
    ((n as CallExpression).callee as { name: string }).name === name
  for (const stmt of program.body) {
    if (stmt.type === 'ExportDefaultDeclaration') {
      const d = stmt.declaration as Node
      if (isStarterCall(d)) {
        if (isAsync) stmt.declaration = wrap(d)
        return
      }
      if (d?.type === 'AwaitExpression' && isStarterCall((d as { argument?: Node }).argument)) return
    }
  }
  const starterOf = (st: Statement): CallExpression | null => {
    if (st.type !== 'ExpressionStatement') return null
    const e = st.expression
    const inner = e.type === 'AwaitExpression' || e.type === 'UnaryExpression' ? e.argument : e
    return isStarterCall(inner) ? inner : null
  }
  const callStmt = program.body.find((st) => starterOf(st) !== null)
  if (!callStmt) {
    todo(`\`${name}()\` is never called at the top level`)
    return
  }
  if (getExport()) {
    todo('this file already has a default export')
    return
  }
  const decl = j.exportDefaultDeclaration(wrap(starterOf(callStmt)!))
  decl.comments = callStmt.comments
  s.root
    .find(j.ExpressionStatement)
    .filter((p) => p.node === callStmt)
    .replaceWith(decl)
  setExport(decl)
}

/** The name a function is known by at the top level, and whether it is a named export. */
function functionName(path: ASTPath, fn: FunctionLike): { name: string; exported: boolean } | null {
  let p: ASTPath | null = path
  while (p && p.node !== fn) p = parentOf(p)
  if (!p) return null
  if (fn.type === 'FunctionDeclaration' && fn.id) {
    return { name: fn.id.name, exported: parentOf(p)?.node.type === 'ExportNamedDeclaration' }
  }
  const declarator = parentOf(p)?.node
  if (declarator?.type === 'VariableDeclarator') {
    const id = (declarator as VariableDeclarator).id
    if (id.type === 'Identifier') {
      return { name: id.name, exported: parentOf(parentOf(parentOf(p)))?.node.type === 'ExportNamedDeclaration' }
    }
  }
  return null
}
