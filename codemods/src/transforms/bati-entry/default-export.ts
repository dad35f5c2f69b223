import type { Collection, JSCodeshift } from 'jscodeshift'
import { addTodo, importsFrom, namedLocal } from '../../lib/ast.js'
import { program } from './vike-route.js'

// biome-ignore lint/suspicious/noExplicitAny: AST nodes of every shape.
type N = any

/** Local names of `handle` from `hono/vercel`. */
export function vercelHandleLocals(j: JSCodeshift, root: Collection): Set<string> {
  const names = new Set<string>()
  for (const decl of importsFrom(j, root, (s) => s === 'hono/vercel')) {
    const local = namedLocal(decl.node, 'handle')
    if (local) names.add(local)
  }
  return names
}

const isApp = (n: N, app: string) => n?.type === 'Identifier' && n.name === app
const isNothing = (n: N) =>
  (n?.type === 'Identifier' && n.name === 'undefined') ||
  n?.type === 'NullLiteral' ||
  (n?.type === 'UnaryExpression' && n.operator === 'void')

/**
 * What an entry default-exported for the legacy stack that now must be `serve(app)`: the app itself
 * (vike-cloudflare 0.1's Pages worker imported it), the app in development only
 * (`process.env.NODE_ENV === 'production' ? undefined : app`, for `@hono/vite-dev-server` next to
 * vite-plugin-vercel), `handle(app)` from hono/vercel, or `{ fetch: app.fetch }`.
 */
function isLegacyExport(d: N, app: string, handle: Set<string>): boolean {
  if (isApp(d, app)) return true
  if (d?.type === 'ConditionalExpression') {
    return (isApp(d.consequent, app) && isNothing(d.alternate)) || (isApp(d.alternate, app) && isNothing(d.consequent))
  }
  if (d?.type === 'CallExpression' && d.callee.type === 'Identifier' && handle.has(d.callee.name)) {
    return d.arguments.length === 1 && isApp(d.arguments[0], app)
  }
  if (d?.type === 'ObjectExpression' && d.properties.length === 1) {
    const p = d.properties[0]
    const key = p.key?.name ?? p.key?.value
    return key === 'fetch' && p.value?.type === 'MemberExpression' && isApp(p.value.object, app)
  }
  return false
}

const isServeOf = (d: N, app: string, serve: string) =>
  d?.type === 'CallExpression' &&
  d.callee.type === 'Identifier' &&
  d.callee.name === serve &&
  isApp(d.arguments[0], app)

/**
 * `export const GET = handle(app)` (and POST, PUT...): Vercel's Web handlers of the app. Removed; returns their
 * names. @photonjs/vercel builds the function from the default export.
 */
export function removeVercelHandleExports(
  j: JSCodeshift,
  root: Collection,
  app: string,
  handle: Set<string>,
): string[] {
  if (handle.size === 0) return []
  const removed: string[] = []
  const body = program(j, root).body as N[]
  for (const stmt of [...body]) {
    const decl = stmt.type === 'ExportNamedDeclaration' ? stmt.declaration : null
    if (decl?.type !== 'VariableDeclaration') continue
    const all = decl.declarations.every(
      (d: N) =>
        d.id?.type === 'Identifier' &&
        d.init?.type === 'CallExpression' &&
        d.init.callee.type === 'Identifier' &&
        handle.has(d.init.callee.name) &&
        d.init.arguments.length === 1 &&
        isApp(d.init.arguments[0], app),
    )
    if (!all) continue
    removed.push(...decl.declarations.map((d: N) => d.id.name))
    const i = body.indexOf(stmt)
    const next = body[i + 1]
    // Comments above the removed export stay, on the next statement.
    const comments = (stmt.comments ?? []).filter((c: N) => c.leading !== false)
    if (next && comments.length > 0) next.comments = [...comments, ...(next.comments ?? [])]
    body.splice(i, 1)
  }
  return removed
}

/**
 * Makes the entry `export default serve(app)`. Returns false (and leaves a TODO) when the file already
 * default-exports something else.
 */
export function exportServe(j: JSCodeshift, root: Collection, app: string, serve: string, handle: Set<string>): N {
  const body = program(j, root).body as N[]
  const serveCall = () => j.callExpression(j.identifier(serve), [j.identifier(app)])
  for (const stmt of body) {
    if (stmt.type === 'ExportDefaultDeclaration') {
      if (isServeOf(stmt.declaration, app, serve)) return stmt
      if (isLegacyExport(stmt.declaration, app, handle)) {
        stmt.declaration = serveCall()
        return stmt
      }
      addTodo(
        j,
        stmt,
        `vike-photon imports this entry's default export, which must be \`${serve}(${app})\`: export that instead`,
      )
      return stmt
    }
    if (stmt.type === 'ExportNamedDeclaration' && !stmt.declaration) {
      const spec = (stmt.specifiers ?? []).find((s: N) => s.exported?.name === 'default' && isApp(s.local, app))
      if (!spec) continue
      stmt.specifiers = stmt.specifiers.filter((s: N) => s !== spec)
      const decl = j.exportDefaultDeclaration(serveCall())
      if (stmt.specifiers.length === 0) {
        ;(decl as N).comments = stmt.comments
        body.splice(body.indexOf(stmt), 1, decl)
      } else body.splice(body.indexOf(stmt) + 1, 0, decl)
      return decl
    }
  }
  const decl = j.exportDefaultDeclaration(serveCall())
  body.push(decl)
  return decl
}
