import type { CallExpression, ExpressionStatement } from 'jscodeshift'
import { adapterPackage, asyncApplyFrameworks, type Framework } from '../../frameworks.js'
import { enclosingFunction } from '../../lib/ast.js'
import { type EntryState, parentOf } from './state.js'

const isCatchAll = (a: CallExpression['arguments'][number]) =>
  (a.type === 'StringLiteral' || a.type === 'Literal') && /^\/?\*$/.test(String(a.value ?? ''))

/**
 * Frameworks whose Photon `apply(app, middlewares?)` returns the app it was given (read in the published
 * .d.ts of @photonjs/hono 0.1.12, @photonjs/express 0.1.13 and @photonjs/elysia 0.1.12), so `apply(x)` can
 * stand where `x.use(vike())` stood inside a chain.
 */
const applyReturnsApp: ReadonlySet<Framework> = new Set(['hono', 'express', 'elysia'])

/** Rule 29: `app.use(vike(o))`, `app.all('/*', vike(o))`, `app.get('/*', vike(o))` → `apply(app, ...)`. */
export function rewriteVikeMiddleware(s: EntryState): void {
  const j = s.j
  const name = s.vikeMiddleware
  if (!name) return
  s.root.find(j.CallExpression, { callee: { type: 'Identifier', name } }).forEach((path) => {
    const outerPath = parentOf(path)
    const stmtPath = parentOf(outerPath)
    const outer = outerPath?.node
    const stmt = stmtPath?.node
    const route =
      outer?.type === 'CallExpression' &&
      (outer as CallExpression).callee.type === 'MemberExpression' &&
      (outer as CallExpression)
    const callee = route && route.callee.type === 'MemberExpression' ? route.callee : null
    const isRoute =
      route &&
      callee &&
      callee.property.type === 'Identifier' &&
      ['use', 'all', 'get'].includes(callee.property.name) &&
      route.arguments[route.arguments.length - 1] === path.node &&
      route.arguments.slice(0, -1).every(isCatchAll)
    if (isRoute && callee && stmt?.type !== 'ExpressionStatement' && applyReturnsApp.has(s.fw)) {
      // A chain (`new Elysia().get(...).use(vike()).listen(3000)`): `x.use(vike(o))` becomes `apply(x, o)`.
      outerPath!.replace(s.applyCall(callee.object, path.node.arguments[0]))
      return
    }
    if (!isRoute || !callee || stmt?.type !== 'ExpressionStatement') {
      s.todo(path, `replace this \`${name}()\` middleware with \`apply(app)\` from ${adapterPackage(s.fw)}`)
      return
    }
    const opts = path.node.arguments[0]
    ;(stmt as ExpressionStatement).expression = s.applyCall(callee.object, opts)
    if (asyncApplyFrameworks.has(s.fw)) {
      const fn = enclosingFunction(stmtPath!)
      if (fn && !(fn as { async?: boolean }).async) s.todo(stmtPath!, 'apply() is async here: make this function async')
    }
  })
}
