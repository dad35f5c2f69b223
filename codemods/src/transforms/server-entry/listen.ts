import type {
  ASTPath,
  CallExpression,
  ExpressionStatement,
  Node,
  ObjectExpression,
  VariableDeclaration,
  VariableDeclarator,
} from 'jscodeshift'
import { adapterPackage } from '../../frameworks.js'
import {
  enclosingFunction,
  importsFrom,
  namedLocal,
  propName,
  removeStatementKeepComments,
  unwrap,
} from '../../lib/ast.js'
import { type Arg, type EntryState, isFunctionNode, type Member, parentOf } from './state.js'

/** Apps given to apply(): the identifiers whose listen()/fetch the rules below rewrite. */
function appNames(s: EntryState): Set<string> {
  const names = new Set<string>()
  s.root.find(s.j.CallExpression, { callee: { type: 'Identifier', name: s.applyLocal } }).forEach((p) => {
    const app = p.node.arguments[0]
    if (app?.type === 'Identifier') names.add(app.name)
  })
  return names
}

const propValue = (p: Member): Arg | null =>
  (p.type === 'ObjectProperty' || p.type === 'Property') && p.value.type !== 'AssignmentPattern'
    ? (p.value as Arg)
    : null

/** Rule 29: `serve({ fetch: app.fetch, port }, cb)` from @hono/node-server → `serve(app, { port, onReady: cb })`. */
export function rewriteHonoNodeServer(s: EntryState): void {
  const j = s.j
  for (const decl of importsFrom(j, s.root, (src) => src === '@hono/node-server')) {
    const local = namedLocal(decl.node, 'serve')
    if (!local) continue
    let converted = 0
    const calls = s.root.find(j.CallExpression, { callee: { type: 'Identifier', name: local } })
    const total = calls.size()
    calls.forEach((path) => {
      const [opts, cb] = path.node.arguments
      const obj = opts && unwrap(opts)
      const fetch =
        obj?.type === 'ObjectExpression'
          ? (obj as ObjectExpression).properties.find((p) => propName(p) === 'fetch')
          : undefined
      const fetchValue = fetch ? propValue(fetch) : null
      const app = fetchValue?.type === 'MemberExpression' ? fetchValue.object : null
      if (app?.type !== 'Identifier') {
        s.todo(
          path,
          'export default `serve(app, { port })` from ' +
            `${adapterPackage(s.fw)} instead of starting @hono/node-server by hand`,
        )
        return
      }
      const props = (obj as ObjectExpression).properties.filter((p) => p !== fetch)
      if (cb) props.push(s.prop('onReady', cb as never))
      replaceStartup(s, path, s.serveCall(app, props))
      converted++
    })
    if (converted === total) {
      // Every call now uses Photon's serve(), which may have the same local name: drop the old specifier.
      decl.node.specifiers = (decl.node.specifiers ?? []).filter((sp) => sp.local?.name !== local)
      if (decl.node.specifiers.length === 0) removeStatementKeepComments(decl)
    }
  }
}

const samePath = (a: string | undefined, b: string) =>
  a !== undefined && a.replace(/\\/g, '/').replace(/^\.\//, '') === b.replace(/\\/g, '/').replace(/^\.\//, '')

/** The file is the app's server entry (as vite.config named it) and imports `serve` from @hono/node-server. */
export function isHonoNodeLauncher(
  j: EntryState['j'],
  root: EntryState['root'],
  serverEntry: string | undefined,
  file: string,
): boolean {
  return (
    samePath(serverEntry, file) &&
    importsFrom(j, root, (src) => src === '@hono/node-server').some((d) => namedLocal(d.node, 'serve') !== null)
  )
}

/**
 * A server entry that only starts @hono/node-server (`serve({ fetch: app.fetch, port })`) for an app it imports:
 * the call becomes Photon's `serve(app, { port })` from @photonjs/hono, exported by the export-default step.
 * When a call cannot be rewritten (it keeps its TODO), the file keeps @hono/node-server and gets no Photon import:
 * false.
 */
export function rewriteHonoNodeLauncher(s: EntryState): boolean {
  const j = s.j
  const nodeServer = importsFrom(j, s.root, (src) => src === '@hono/node-server')[0]!
  const target = j.importDeclaration([], j.stringLiteral(adapterPackage('hono')))
  nodeServer.insertAfter(target)
  rewriteHonoNodeServer(s)
  const still = importsFrom(j, s.root, (src) => src === '@hono/node-server').some(
    (d) => namedLocal(d.node, 'serve') !== null,
  )
  const targetPath = importsFrom(j, s.root, (src) => src === adapterPackage('hono')).find((d) => d.node === target)
  if (!targetPath) return false
  if (still) {
    targetPath.prune()
    return false
  }
  s.target = targetPath
  s.ctx.frameworks.add('hono')
  return true
}

/** `createServer(toNodeListener(app))` (h3): the app, or null. */
function h3App(inner: Node): Arg | null {
  if (inner.type !== 'CallExpression') return null
  const call = inner as CallExpression
  const arg = call.arguments[0]
  if (
    call.callee.type === 'Identifier' &&
    call.callee.name === 'createServer' &&
    arg?.type === 'CallExpression' &&
    arg.callee.type === 'Identifier' &&
    arg.callee.name === 'toNodeListener' &&
    arg.arguments[0]?.type === 'Identifier'
  ) {
    return arg.arguments[0]
  }
  return null
}

/** Rule 29: `app.listen(port, cb)` and h3's `createServer(toNodeListener(app)).listen(port)`. */
export function rewriteListenCalls(s: EntryState): void {
  const j = s.j
  const apps = appNames(s)
  s.root
    .find(j.CallExpression, { callee: { type: 'MemberExpression', property: { name: 'listen' } } })
    .forEach((path) => {
      const callee = path.node.callee
      if (callee.type !== 'MemberExpression') return
      let app: Arg | null = null
      if (callee.object.type === 'Identifier' && apps.has(callee.object.name)) app = callee.object
      // `apply(new Elysia().get(...)).listen(3000)`: what a rewritten chain leaves.
      if (
        callee.object.type === 'CallExpression' &&
        callee.object.callee.type === 'Identifier' &&
        callee.object.callee.name === s.applyLocal
      ) {
        app = callee.object
      }
      const fromH3 = h3App(callee.object)
      if (fromH3) {
        app = fromH3
        for (const decl of importsFrom(j, s.root, (src) => src === 'node:http' || src === 'http' || src === 'h3')) {
          s.touched.push(decl)
        }
      }
      if (!app) return
      const args = path.node.arguments
      const props: Member[] = []
      let rest = args
      const first = args[0] && unwrap(args[0])
      if (first?.type === 'ObjectExpression') {
        for (const p of (first as ObjectExpression).properties) {
          const value = propValue(p)
          props.push(propName(p) === 'host' && value ? s.prop('hostname', value as never) : p)
        }
        rest = args.slice(1)
      } else if (first) {
        props.push(s.prop('port', first as never))
        rest = args.slice(1)
      }
      // `listen(port, host, cb)` (Node's and Express' signature): the host becomes `hostname`.
      if (
        rest.length === 2 &&
        !isFunctionNode(rest[0]) &&
        (isFunctionNode(rest[1]) || rest[1]?.type === 'Identifier')
      ) {
        props.push(s.prop('hostname', rest[0] as never))
        rest = rest.slice(1)
      } else if (rest.length === 1 && (rest[0]?.type === 'StringLiteral' || rest[0]?.type === 'TemplateLiteral')) {
        props.push(s.prop('hostname', rest[0] as never))
        rest = []
      }
      const cb = rest[rest.length - 1]
      if (rest.length > 1 || (cb && !isFunctionNode(cb) && cb.type !== 'Identifier')) {
        s.todo(
          path,
          'this listen() call has arguments vike-photon migrate does not know: export default `serve(app, { port, hostname, onReady })` instead',
        )
        return
      }
      if (cb) props.push(s.prop('onReady', cb as never))
      replaceStartup(s, path, s.serveCall(app, props))
    })
}

/** Puts a serve() call where a start-up call was: top level → export default; last statement of a function → return. */
function replaceStartup(s: EntryState, path: ASTPath<CallExpression>, serve: CallExpression): void {
  const j = s.j
  const stmtPath = parentOf(path)
  const stmt = stmtPath?.node
  if (stmtPath && stmt?.type === 'VariableDeclarator' && keepAppBinding(s, stmtPath, path, serve)) return
  if (!stmtPath || stmt?.type !== 'ExpressionStatement') {
    s.todo(
      path,
      'the server is used after start-up: vike-photon starts it itself; export default `serve(app)` and move this logic to `onCreate`',
    )
    return
  }
  const fn = enclosingFunction(path)
  if (!fn) {
    ;(stmt as ExpressionStatement).expression = serve
    return
  }
  const blockPath = parentOf(stmtPath)
  const body = (blockPath?.node as { body?: unknown } | undefined)?.body
  if (Array.isArray(body) && body[body.length - 1] === stmt && parentOf(blockPath)?.node === fn) {
    stmtPath.replace(j.returnStatement(serve))
    return
  }
  // `app.listen(port)` followed by plain statements (`console.log('Server running...')`): they ran right after the
  // call, before the server was listening, so they can run before serve() as well; serve() becomes the return.
  if (Array.isArray(body) && parentOf(blockPath)?.node === fn && onlyPlainStatementsAfter(body, stmt)) {
    const ret = j.returnStatement(serve)
    ;(ret as { comments?: unknown }).comments = (stmt as { comments?: unknown }).comments
    body.splice(body.indexOf(stmt), 1)
    body.push(ret)
    return
  }
  s.todo(path, 'return `serve(app, ...)` from this function and export its result as default')
}

/** Every statement after `stmt` is an expression or a declaration: nothing returns, throws or branches. */
function onlyPlainStatementsAfter(body: unknown[], stmt: unknown): boolean {
  const after = body.slice(body.indexOf(stmt) + 1) as { type: string }[]
  return after.length > 0 && after.every((n) => n.type === 'ExpressionStatement' || n.type === 'VariableDeclaration')
}

/**
 * Elysia's `listen()` returns the app: `const app = apply(x).listen(3000)` (often followed by
 * `export type App = typeof app`) keeps its binding, `const app = apply(x)`, and `serve(app, ...)` follows it
 * (exported by the export-default step). Top level only.
 */
function keepAppBinding(
  s: EntryState,
  declaratorPath: ASTPath,
  path: ASTPath<CallExpression>,
  serve: CallExpression,
): boolean {
  if (s.fw !== 'elysia') return false
  const declarator = declaratorPath.node as VariableDeclarator
  const declPath = parentOf(declaratorPath)
  const declaration = declPath?.node as VariableDeclaration | undefined
  if (declarator.id.type !== 'Identifier' || declaration?.declarations.length !== 1) return false
  if (parentOf(declPath)?.node.type !== 'Program' || path.node.callee.type !== 'MemberExpression') return false
  const j = s.j
  declarator.init = path.node.callee.object as VariableDeclarator['init']
  serve.arguments[0] = j.identifier(declarator.id.name)
  declPath!.insertAfter(j.expressionStatement(serve))
  return true
}
