import type { ArrayExpression, CallExpression, Node, ObjectExpression } from 'jscodeshift'
import { propName, text, unwrap } from '../../lib/ast.js'
import type { Arg, EntryState, Member } from './state.js'

function isGetMiddlewares(node: Node | undefined): boolean {
  return (
    node?.type === 'CallExpression' &&
    (node as CallExpression).callee.type === 'Identifier' &&
    ((node as CallExpression).callee as { name: string }).name === 'getMiddlewares'
  )
}

/** Literals, and objects/arrays of literals: values that can move to +config without their scope. */
function isStaticValue(node: Node | null | undefined): boolean {
  if (!node) return false
  const n = unwrap(node)
  switch (n.type) {
    case 'StringLiteral':
    case 'NumericLiteral':
    case 'BooleanLiteral':
    case 'NullLiteral':
      return true
    case 'ArrayExpression':
      return (n as ArrayExpression).elements.every((e) => isStaticValue(e as Node | null))
    case 'ObjectExpression':
      return (n as ObjectExpression).properties.every(
        (p) => (p.type === 'ObjectProperty' || p.type === 'Property') && !p.computed && isStaticValue(p.value),
      )
    default:
      return false
  }
}

/** Rule 27: `apply(app, { pageContext, onError, compress, static })`. */
export function rewriteApplyOptions(s: EntryState): void {
  const j = s.j
  s.root.find(j.CallExpression, { callee: { type: 'Identifier', name: s.applyLocal } }).forEach((path) => {
    const opts = path.node.arguments[1]
    if (!opts || isGetMiddlewares(opts)) return
    const obj = unwrap(opts)
    if (obj.type !== 'ObjectExpression') {
      s.todo(
        path,
        `apply() options are not an object literal: pass \`pageContext\`/\`onError\` as \`getMiddlewares({ ... })\` from vike-photon/universal-middlewares and move \`compress\`/\`static\` to \`photon\` in +config`,
      )
      return
    }
    const middleware: Member[] = []
    const unknown: string[] = []
    for (const p of (obj as ObjectExpression).properties) {
      const name = propName(p)
      const value = p.type === 'ObjectProperty' || p.type === 'Property' ? p.value : null
      if (name === 'pageContext' || name === 'onError') middleware.push(p)
      else if ((name === 'compress' || name === 'static') && isStaticValue(value)) {
        const literal = unwrap(value!)
        if (name === 'static' && literal.type === 'StringLiteral') {
          // vike-photon serves the client build only (public/ is copied into it): a folder has no setting.
          s.todo(
            path,
            `\`static: ${text(j, literal)}\` was removed: vike-photon serves the client build (dist/client, which includes public/). Serve any other folder with your own middleware`,
          )
        } else s.ctx.photonSettings.set(name, { value: text(j, literal) })
      } else unknown.push(name ?? text(j, p))
    }
    if (unknown.length > 0) {
      s.todo(
        path,
        `apply() option(s) ${unknown.map((u) => `\`${u}\``).join(', ')} were removed: vike-photon's apply() takes middlewares only (set compress/static as literals in \`photon\` of +config)`,
      )
    }
    path.node.arguments =
      middleware.length > 0 ? [path.node.arguments[0]!, getMiddlewares(s, middleware)] : [path.node.arguments[0]!]
  })
}

function getMiddlewares(s: EntryState, props: Member[]): Arg {
  const j = s.j
  s.usesGetMiddlewares = true
  const call = j(s.ts ? `getMiddlewares<'${s.fw}'>({})` : 'getMiddlewares({})')
    .find(j.CallExpression)
    .nodes()[0]!
  call.arguments = [j.objectExpression(props)]
  return call
}
