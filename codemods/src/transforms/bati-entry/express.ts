import type { Collection, JSCodeshift } from 'jscodeshift'
import { addTodo, importsFrom } from '../../lib/ast.js'
import { importedHandlers, program, renderPageLocals } from './vike-route.js'

// biome-ignore lint/suspicious/noExplicitAny: AST nodes of every shape.
type N = any

/**
 * An Express server entry that serves the pages by itself, as Bati generated them next to vite-plugin-vercel
 * (`express-entry.ts`: Vite's dev middleware, express.static, `app.all(..., createHandler(() => vikeHandler)())`,
 * `app.listen()`, `export default await startServer()`). vike-photon imports the entry's default export and needs
 * `serve(app)` there, so the app builds but answers nothing. The code is spread over a function the user wrote,
 * so it stays as it is, with a TODO on the default export saying what to change. Returns true when it marked one.
 */
export function markSelfServingExpress(j: JSCodeshift, root: Collection): boolean {
  if (importsFrom(j, root, (s) => s === '@photonjs/express').length > 0) return false
  const express = new Set<string>()
  for (const decl of importsFrom(j, root, (s) => s === 'express')) {
    for (const s of decl.node.specifiers ?? []) {
      if (s.type === 'ImportDefaultSpecifier' && s.local) express.add(s.local.name as string)
    }
  }
  const createsApp =
    root
      .find(j.CallExpression)
      .filter((p) => p.node.callee.type === 'Identifier' && express.has(p.node.callee.name))
      .size() > 0
  if (!createsApp || !rendersPages(j, root)) return false
  const body = program(j, root).body as N[]
  const at = body.find((s) => s.type === 'ExportDefaultDeclaration') ?? body[0]
  if (!at) return false
  addTodo(
    j,
    at,
    'this Express server renders the pages and listens by itself (Vite dev middleware, express.static, the Vike route, app.listen): vike-photon runs it as `photon.server` and needs `apply(app)` in place of those and `export default serve(app)` here, both from @photonjs/express',
  )
  return true
}

/** The file uses a Vike handler it imports, or renderPage(), beyond the import itself. */
function rendersPages(j: JSCodeshift, root: Collection): boolean {
  const names = new Set([...importedHandlers(j, root), ...renderPageLocals(j, root)])
  return (
    root
      .find(j.Identifier)
      .filter((p) => names.has(p.node.name) && p.parent?.node.type !== 'ImportSpecifier')
      .filter((p) => p.parent?.node.type !== 'ImportDefaultSpecifier')
      .size() > 0
  )
}
