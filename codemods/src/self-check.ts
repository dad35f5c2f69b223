import type { ASTPath, Collection, JSCodeshift, Node } from 'jscodeshift'
import jscodeshift from 'jscodeshift'
import { countReferences, parserFor } from './lib/ast.js'
import { findTodos } from './lib/todo.js'

/** Files the self-check parses: every JavaScript / TypeScript module. */
export const checkedFile = /\.[cm]?[jt]sx?$/

/**
 * Vite plugins (and their imports) the transforms remove on purpose: code passed to them (e.g. an arrow in
 * `pages({ ... })` options) may go with them.
 */
const removedPluginSource =
  /^(?:vike-node(?:\/plugin)?|vike-cloudflare|vite-plugin-vercel|@vite-plugin-vercel\/vike|vike-vercel|@hono\/vite-[\w-]+|@hattip\/vite)$/

/** What a file holds of the user's own code: functions (by name where they have one), statements. */
interface Inventory {
  named: Map<string, number>
  functions: number
  statements: number
}

const functionTypes = new Set([
  'FunctionDeclaration',
  'FunctionExpression',
  'ArrowFunctionExpression',
  'ObjectMethod',
  'ClassMethod',
  'ClassPrivateMethod',
])

/** The name a function is known by: its own, its method key, or the variable / property it is assigned to. */
function functionName(path: ASTPath<Node>): string | null {
  const node = path.node as Node & { id?: { name?: string } | null; key?: Node & { name?: string; value?: unknown } }
  if (node.id?.name) return node.id.name
  const keyName = (key: (Node & { name?: string; value?: unknown }) | undefined) =>
    key?.type === 'Identifier' ? (key.name ?? null) : typeof key?.value === 'string' ? key.value : null
  if (node.type === 'ObjectMethod' || node.type === 'ClassMethod' || node.type === 'ClassPrivateMethod') {
    return keyName(node.key)
  }
  const parent = (path.parent as ASTPath | null)?.node as
    | (Node & { id?: Node & { name?: string }; key?: Node & { name?: string; value?: unknown } })
    | undefined
  if (parent?.type === 'VariableDeclarator' && parent.id?.type === 'Identifier') return parent.id.name ?? null
  // `onReady: () => ...`: a property's value is counted, not named (migrations rename such options).
  return null
}

/** True when the path sits inside a call to a plugin imported from a package the migration removes. */
function insideRemovedPlugin(path: ASTPath<Node>, removedLocals: Set<string>): boolean {
  for (let p = path.parent as ASTPath | null; p; p = p.parent as ASTPath | null) {
    const n = p.node as Node & { callee?: Node & { name?: string } }
    if (n.type === 'CallExpression' && n.callee?.type === 'Identifier' && removedLocals.has(n.callee.name ?? '')) {
      return true
    }
  }
  return false
}

function inventory(j: JSCodeshift, root: Collection): Inventory {
  const removedLocals = new Set<string>()
  root.find(j.ImportDeclaration).forEach((p) => {
    if (typeof p.node.source.value !== 'string' || !removedPluginSource.test(p.node.source.value)) return
    for (const s of p.node.specifiers ?? []) if (s.local?.name) removedLocals.add(s.local.name as string)
  })
  const inv: Inventory = { named: new Map(), functions: 0, statements: 0 }
  root.find(j.Node).forEach((path) => {
    const type = path.node.type
    const isFunction = functionTypes.has(type)
    const isStatement =
      /Statement$|Declaration$/.test(type) &&
      type !== 'ImportDeclaration' &&
      type !== 'EmptyStatement' &&
      type !== 'BlockStatement' &&
      type !== 'FunctionDeclaration' &&
      !type.startsWith('TS')
    if (!isFunction && !isStatement) return
    if (removedLocals.size > 0 && insideRemovedPlugin(path, removedLocals)) return
    if (isStatement) inv.statements++
    if (!isFunction) return
    inv.functions++
    const name = functionName(path)
    if (name) inv.named.set(name, (inv.named.get(name) ?? 0) + 1)
  })
  return inv
}

/** Local names a file imports, and the names it declares itself (functions, variables, classes, params). */
function bindings(j: JSCodeshift, root: Collection): { imported: Set<string>; declared: Set<string> } {
  const imported = new Set<string>()
  root.find(j.ImportDeclaration).forEach((p) => {
    for (const s of p.node.specifiers ?? []) if (s.local?.name) imported.add(s.local.name as string)
  })
  const declared = new Set<string>()
  root.find(j.VariableDeclarator).forEach((p) => {
    j(p.get('id'))
      .find(j.Identifier)
      .forEach((i) => {
        declared.add(i.node.name)
      })
    if (p.node.id.type === 'Identifier') declared.add(p.node.id.name)
  })
  root.find(j.Function).forEach((p) => {
    if (p.node.id?.type === 'Identifier') declared.add(p.node.id.name)
    for (const param of p.node.params) if (param.type === 'Identifier') declared.add(param.name)
  })
  root.find(j.ClassDeclaration).forEach((p) => {
    if (p.node.id?.type === 'Identifier') declared.add(p.node.id.name)
  })
  return { imported, declared }
}

/** Imported names the output still uses although it no longer imports or declares them (a removed import). */
function danglingImports(j: JSCodeshift, before: Collection, after: Collection): string[] {
  const was = bindings(j, before).imported
  const now = bindings(j, after)
  return [...was].filter(
    (name) => !now.imported.has(name) && !now.declared.has(name) && countReferences(j, after, name) > 0,
  )
}

export class SelfCheckError extends Error {
  override name = 'SelfCheckError'
}

/**
 * Compares a transform's output with its input: throws when the output does not parse, or when user code
 * (a named function or method, an anonymous function, a statement) disappears without a new TODO saying where
 * it went. A named function must be named in a new TODO; other losses need at least one new TODO in the file.
 */
export function checkTransformOutput(path: string, before: string, after: string): void {
  if (!checkedFile.test(path) || before === after) return
  const j = jscodeshift.withParser(parserFor(path))
  let afterRoot: Collection
  try {
    afterRoot = j(after)
  } catch (err) {
    const e = err as { loc?: { line: number; column: number }; message?: string }
    const where = e.loc ? ` at ${e.loc.line}:${e.loc.column + 1}` : ''
    throw new SelfCheckError(
      `its output does not parse${where} (${(e.message ?? String(err)).replace(/\s*\(\d+:\d+\)$/, '')})`,
    )
  }
  const a = inventory(j, j(before))
  const b = inventory(j, afterRoot)
  const oldTodos = new Map<string, number>()
  for (const t of findTodos(before)) oldTodos.set(t.message, (oldTodos.get(t.message) ?? 0) + 1)
  const newTodos: string[] = []
  for (const t of findTodos(after)) {
    const left = oldTodos.get(t.message) ?? 0
    if (left > 0) oldTodos.set(t.message, left - 1)
    else newTodos.push(t.message)
  }
  const lost: string[] = []
  if (b.functions < a.functions) {
    const named = [...a.named].filter(([name, count]) => count > (b.named.get(name) ?? 0)).map(([name]) => name)
    const unexplained = named.filter((name) => !newTodos.some((t) => t.includes(name)))
    if (unexplained.length > 0) lost.push(...unexplained.map((n) => `function \`${n}\``))
    else if (named.length === 0 && newTodos.length === 0) lost.push(`${a.functions - b.functions} function(s)`)
  }
  if (lost.length === 0 && b.statements < a.statements && newTodos.length === 0)
    lost.push(`${a.statements - b.statements} statement(s)`)
  const dangling = danglingImports(j, j(before), afterRoot)
  if (dangling.length > 0) {
    throw new SelfCheckError(
      `it would remove the import of ${dangling.map((n) => `\`${n}\``).join(', ')} while the code still uses it`,
    )
  }
  if (lost.length > 0) {
    throw new SelfCheckError(`it would remove ${lost.join(', ')} without a TODO saying where it went`)
  }
}
