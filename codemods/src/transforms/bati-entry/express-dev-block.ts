import type { JSCodeshift } from 'jscodeshift'
import { isStringValue } from '../../lib/ast.js'

// biome-ignore lint/suspicious/noExplicitAny: AST nodes of every shape.
type N = any

/** What a statement of a self-serving Express entry does about static files and Vite, as far as Photon cares. */
export type ServingBlock =
  /** Bati's block, which Photon replaces: removed. */
  | 'known'
  /** It serves static files or starts Vite, but in a shape migrate does not know: kept, with a TODO. */
  | 'unknown'
  /** Neither. */
  | null

const isMember = (n: N, object: string, property: string) =>
  n?.type === 'MemberExpression' &&
  n.object.type === 'Identifier' &&
  n.object.name === object &&
  (n.property.name === property || isStringValue(n.property, property))

/** `process.env.NODE_ENV === 'production'` (or `==`, either side). */
function isProductionTest(n: N): boolean {
  if (n?.type !== 'BinaryExpression' || (n.operator !== '===' && n.operator !== '==')) return false
  const nodeEnv = (x: N) =>
    x?.type === 'MemberExpression' &&
    isMember(x.object, 'process', 'env') &&
    (x.property.name === 'NODE_ENV' || isStringValue(x.property, 'NODE_ENV'))
  return (
    (nodeEnv(n.left) && isStringValue(n.right, 'production')) ||
    (nodeEnv(n.right) && isStringValue(n.left, 'production'))
  )
}

const statementsOf = (n: N): N[] => (n?.type === 'BlockStatement' ? n.body : n ? [n] : [])

/** `app.use(<arg>)` with one argument: that argument. */
function appUseArg(stmt: N, app: string): N {
  const call = stmt?.type === 'ExpressionStatement' ? stmt.expression : null
  if (call?.type !== 'CallExpression' || !isMember(call.callee, app, 'use') || call.arguments.length !== 1) return null
  return call.arguments[0]
}

/** `app.use(express.static(...))`. */
function isStaticUse(stmt: N, app: string, express: string): boolean {
  const arg = appUseArg(stmt, app)
  return arg?.type === 'CallExpression' && isMember(arg.callee, express, 'static')
}

/**
 * The development branch: declarations that import Vite and create its server in middleware mode, then
 * `app.use(<its middlewares>)`. Nothing else.
 */
function isViteDevBranch(j: JSCodeshift, stmts: N[], app: string): boolean {
  if (stmts.length === 0) return false
  const declared = new Set<string>()
  let used = false
  for (const stmt of stmts) {
    if (stmt.type === 'VariableDeclaration') {
      for (const d of stmt.declarations) if (d.id.type === 'Identifier') declared.add(d.id.name)
      continue
    }
    const arg = appUseArg(stmt, app)
    const ok =
      (arg?.type === 'Identifier' && declared.has(arg.name)) ||
      (arg?.type === 'MemberExpression' && !arg.computed && arg.property.name === 'middlewares')
    if (!ok) return false
    used = true
  }
  const block = j.blockStatement(stmts)
  const createsServer =
    j(block)
      .find(j.CallExpression)
      .filter((p) => {
        const c = p.node.callee as N
        return (
          (c.type === 'MemberExpression' && c.property.name === 'createServer') ||
          (c.type === 'Identifier' && c.name === 'createServer')
        )
      })
      .size() > 0
  const middlewareMode = j(block).find(j.Identifier, { name: 'middlewareMode' }).size() > 0
  return used && createsServer && middlewareMode
}

/** The statement starts Vite's dev server or serves static files with Express, in any shape. */
function touchesServing(j: JSCodeshift, stmt: N, express: string): boolean {
  return (
    j(stmt)
      .find(j.MemberExpression)
      .filter((p) => isMember(p.node, express, 'static') || (p.node.property as N).name === 'createServer')
      .size() > 0
  )
}

/**
 * Bati's `if (process.env.NODE_ENV === 'production') { app.use(express.static(...)) } else { <Vite dev
 * middleware> }` (the else branch may be missing): Photon serves the client files and runs Vite in development,
 * so this block is 'known' and goes. Anything else that serves static files or starts Vite is 'unknown'.
 */
export function classifyServingBlock(j: JSCodeshift, stmt: N, app: string, express: string): ServingBlock {
  if (stmt.type === 'IfStatement' && isProductionTest(stmt.test)) {
    const prod = statementsOf(stmt.consequent)
    const dev = statementsOf(stmt.alternate)
    const prodOk = prod.length > 0 && prod.every((s) => isStaticUse(s, app, express))
    if (prodOk && (dev.length === 0 || isViteDevBranch(j, dev, app))) return 'known'
  }
  return touchesServing(j, stmt, express) ? 'unknown' : null
}
