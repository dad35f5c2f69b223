import type { ArrayExpression, ASTPath, CallExpression, Node, ObjectExpression } from 'jscodeshift'
import { addTodo, countReferences, propName, text, unwrap } from '../../lib/ast.js'
import { type Arg, type EntryState, type Member, parentOf } from './state.js'

/** The name of an option, whether written `name: value`, `name() {}` or `async name() {}`. */
function memberName(p: Member): string | null {
  if (p.type === 'ObjectMethod' && !p.computed) {
    if (p.key.type === 'Identifier') return p.key.name
    if (p.key.type === 'StringLiteral') return p.key.value
  }
  return propName(p)
}

/** How an option is named in a TODO: its name, or a one-line excerpt of a spread. */
function memberLabel(s: EntryState, p: Member): string {
  const name = memberName(p)
  if (name) return name
  const source = text(s.j, p).replace(/\s+/g, ' ')
  return source.length > 40 ? `${source.slice(0, 37)}...` : source
}

/** The statement of a block or program body that holds `path` (where a declaration can go before it). */
function bodyStatementOf(path: ASTPath): ASTPath {
  let p: ASTPath = path
  for (let parent = parentOf(p); parent; p = parent, parent = parentOf(p)) {
    const t = parent.node.type
    if (
      (t === 'Program' || t === 'BlockStatement' || t === 'StaticBlock') &&
      Array.isArray((parent.node as { body?: unknown }).body)
    ) {
      return p
    }
  }
  return path
}

/**
 * Options vike-photon has no place for stay in the file, intact, as a const above the apply() call, with the
 * TODO above it: deleting them would lose user code, and pasting their source into a comment breaks the file.
 */
function keepUnknownOptions(
  s: EntryState,
  path: ASTPath<CallExpression>,
  members: Member[],
  obj: ObjectExpression,
): void {
  const j = s.j
  let name = 'legacyApplyOptions'
  for (let i = 2; countReferences(j, s.root, name) > 0 || s.root.find(j.Identifier, { name }).size() > 0; i++) {
    name = `legacyApplyOptions${i}`
  }
  const decl = j.variableDeclaration('const', [
    j.variableDeclarator(
      j.identifier(name),
      // All of them: the user's object as written (its formatting kept); some: a new object of them.
      members.length === obj.properties.length ? obj : j.objectExpression(members),
    ),
  ])
  const labels = members.map((m) => `\`${memberLabel(s, m)}\``).join(', ')
  addTodo(
    j,
    decl,
    `apply() option(s) ${labels} have no vike-photon equivalent and are no longer used: vike-photon's apply() takes middlewares only. Set compress/static as literals in \`photon\` of +config (or add your own middleware), then delete \`${name}\``,
  )
  bodyStatementOf(path).insertBefore(decl)
}

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
    const unknown: Member[] = []
    for (const p of (obj as ObjectExpression).properties) {
      const name = memberName(p)
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
      } else unknown.push(p)
    }
    if (unknown.length > 0) keepUnknownOptions(s, path, unknown, obj as ObjectExpression)
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
