import type { CallExpression, ExpressionStatement } from 'jscodeshift'
import { adapterPackage, asyncApplyFrameworks } from '../../frameworks.js'
import { enclosingFunction } from '../../lib/ast.js'
import { type EntryState, parentOf } from './state.js'

const isCatchAll = (a: CallExpression['arguments'][number]) =>
  (a.type === 'StringLiteral' || a.type === 'Literal') && /^\/?\*$/.test(String(a.value ?? ''))

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
