import type { Collection, JSCodeshift } from 'jscodeshift'
import { addTodo, countReferences, importsFrom, pruneUnusedImports, unwrap } from '../../lib/ast.js'
import { classifyServingBlock } from './express-dev-block.js'
import { importedHandlers, program, renderPageLocals } from './vike-route.js'

// biome-ignore lint/suspicious/noExplicitAny: AST nodes of every shape.
type N = any

const photonExpress = '@photonjs/express'
/**
 * An Express server entry that serves the pages by itself, as Bati generated them next to vite-plugin-vercel
 * (`express-entry.ts`: Vite's dev middleware, express.static, `app.all(..., createHandler(() => vikeHandler)())`,
 * `app.listen()`, `export default await startServer()`). vike-photon imports the entry's default export and needs
 * `serve(app)` there, so the app builds but answers nothing. The code is spread over a function the user wrote,
 * and when its shape is not the one rewriteSelfServingExpress knows, it stays as it is, with a TODO on the default
 * export saying what to change.
 */
function markSelfServingExpress(j: JSCodeshift, root: Collection): boolean {
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

/** Local names of `express` (its default import). */
function expressLocals(j: JSCodeshift, root: Collection): Set<string> {
  const names = new Set<string>()
  for (const decl of importsFrom(j, root, (s) => s === 'express')) {
    for (const s of decl.node.specifiers ?? []) {
      if (s.type === 'ImportDefaultSpecifier' && s.local) names.add(s.local.name as string)
    }
  }
  return names
}

/**
 * A server entry with an Express app that renders the pages and listens by itself (Bati's `express-entry.ts`).
 * Rewritten when its shape is known (rewriteSelfServingExpress), else marked with a TODO. Returns true when the
 * file is such an entry (it then needs @photonjs/express).
 */
export function migrateSelfServingExpress(j: JSCodeshift, root: Collection): boolean {
  if (importsFrom(j, root, (s) => s === photonExpress).length > 0) return false
  const express = expressLocals(j, root)
  const createsApp =
    root
      .find(j.CallExpression)
      .filter((p) => p.node.callee.type === 'Identifier' && express.has(p.node.callee.name))
      .size() > 0
  if (!createsApp || !rendersPages(j, root)) return false
  const found = findSelfServingShape(j, root, express)
  if (found) rewriteSelfServingExpress(j, root, found)
  else markSelfServingExpress(j, root)
  return true
}

interface SelfServingShape {
  express: string
  app: string
  /** The statements of the function the default export awaits (`startServer()`). */
  body: N[]
  /** `app.all('/{*vikeCatchAll}', createHandler(() => vikeHandler)())`, in `body`. */
  route: N
  /** `app.listen(port, cb)`, followed by `return app`: the last two statements of `body`. */
  listen: N
}

/** `export default await startServer()` (also without await, or `as unknown`): the function's name. */
function exportedStarter(j: JSCodeshift, root: Collection): string | null {
  const exported = (program(j, root).body as N[]).find((s) => s.type === 'ExportDefaultDeclaration')
  let d: N = exported && unwrap(exported.declaration)
  if (d?.type === 'AwaitExpression') d = unwrap(d.argument)
  const ok = d?.type === 'CallExpression' && d.callee.type === 'Identifier' && d.arguments.length === 0
  return ok ? d.callee.name : null
}

/** The block body of a top-level function named `name` (declaration or `const name = async () => {}`). */
function functionBody(j: JSCodeshift, root: Collection, name: string): N[] | null {
  for (const stmt of program(j, root).body as N[]) {
    if (stmt.type === 'FunctionDeclaration' && stmt.id?.name === name) return stmt.body.body
    if (stmt.type !== 'VariableDeclaration') continue
    for (const d of stmt.declarations) {
      const fn = d.init
      const isFn = fn?.type === 'ArrowFunctionExpression' || fn?.type === 'FunctionExpression'
      if (d.id?.name === name && isFn && fn.body.type === 'BlockStatement') return fn.body.body
    }
  }
  return null
}

const isIdent = (n: N, name: string) => n?.type === 'Identifier' && n.name === name
const callOn = (stmt: N, app: string): N => {
  const call = stmt?.type === 'ExpressionStatement' ? stmt.expression : null
  const ok =
    call?.type === 'CallExpression' && call.callee.type === 'MemberExpression' && isIdent(call.callee.object, app)
  return ok ? call : null
}
/** Express' catch-all paths: `*`, `/*`, and Express 5's named wildcards `/{*name}`, `/*name`. */
const catchAll = /^\/?(\*|\{\*\w+\}|\*\w+)$/

/** `app.all|get|use([catch-all,] handler)` where the handler is the Vike handler, wrapped or not. */
function isVikeCatchAll(stmt: N, app: string, handlers: Set<string>): boolean {
  const call = callOn(stmt, app)
  if (!call || !['all', 'get', 'use'].includes(call.callee.property.name)) return false
  const args = call.arguments as N[]
  if (args.length > 2 || (args.length === 2 && !catchAll.test(args[0].value ?? ''))) return false
  const isRef = (n: N): boolean =>
    (n?.type === 'Identifier' && handlers.has(n.name)) ||
    // `() => vikeHandler`: Bati's factory for createHandler.
    (n?.type === 'ArrowFunctionExpression' && n.params.length === 0 && isRef(n.body))
  let handler = args[args.length - 1]
  if (isRef(handler)) return true
  // createHandler(h)() / createHandler(h)
  if (
    handler?.type === 'CallExpression' &&
    handler.callee.type === 'CallExpression' &&
    handler.arguments.length === 0
  ) {
    handler = handler.callee
  }
  return handler?.type === 'CallExpression' && handler.arguments.length === 1 && isRef(handler.arguments[0])
}

function findSelfServingShape(j: JSCodeshift, root: Collection, express: Set<string>): SelfServingShape | null {
  const starter = exportedStarter(j, root)
  const body = starter ? functionBody(j, root, starter) : null
  if (!body) return null
  let app: string | null = null
  let expressLocal: string | null = null
  for (const stmt of body) {
    if (stmt.type !== 'VariableDeclaration' || stmt.declarations.length !== 1) continue
    const { id, init } = stmt.declarations[0]
    if (id.type === 'Identifier' && init?.type === 'CallExpression' && express.has(init.callee.name)) {
      app = id.name
      expressLocal = init.callee.name
    }
  }
  if (!app || !expressLocal) return null
  const handlers = importedHandlers(j, root)
  const routes = body.filter((s) => isVikeCatchAll(s, app, handlers))
  const [listen, ret] = body.slice(-2)
  const listenCall = callOn(listen, app)
  const listens = listenCall?.callee.property.name === 'listen' && knownListenArgs(listenCall.arguments)
  const returnsApp = ret?.type === 'ReturnStatement' && isIdent(ret.argument, app)
  if (routes.length !== 1 || !listens || !returnsApp) return null
  return { express: expressLocal, app, body, route: routes[0], listen }
}

/** `listen()`, `listen(port)`, `listen(port, callback)`. */
function knownListenArgs(args: N[]): boolean {
  const isCallback = (n: N) =>
    n?.type === 'Identifier' || n?.type === 'ArrowFunctionExpression' || n?.type === 'FunctionExpression'
  return args.length <= 1 || (args.length === 2 && isCallback(args[1]))
}

/**
 * Bati's Express entry, made a Photon server entry, keeping the user's routes:
 * - the Vike catch-all becomes `apply(app)`; routes after it get a TODO (apply answers every request);
 * - the production `express.static()` / development Vite middleware block goes (Photon does both); other code
 *   that serves static files or starts Vite stays, with a TODO;
 * - `app.listen(port, cb); return app` becomes `return serve(app, { port, onReady: cb })`: the default export
 *   `await startServer()` is then the `{ fetch, server }` Photon's runtime imports;
 * - imports and top-level constants only the removed code used go (the handler's file stays).
 */
function rewriteSelfServingExpress(j: JSCodeshift, root: Collection, shape: SelfServingShape): void {
  const { app, body, route, listen } = shape
  const removed: N[] = []
  const remove = (stmt: N) => {
    const i = body.indexOf(stmt)
    const next = body[i + 1]
    // Comments above a removed statement stay, on the next one.
    const comments = (stmt.comments ?? []).filter((c: N) => c.leading !== false)
    if (next && comments.length > 0) next.comments = [...comments, ...(next.comments ?? [])]
    body.splice(i, 1)
    removed.push(stmt)
  }

  const routeIndex = body.indexOf(route)
  for (const stmt of body.slice(0, routeIndex)) {
    const kind = classifyServingBlock(j, stmt, app, shape.express)
    if (kind === 'known') remove(stmt)
    else if (kind === 'unknown') {
      addTodo(
        j,
        stmt,
        'vike-photon serves the client files (dist/client) and runs Vite in development itself: delete what this does about them',
      )
    }
  }
  for (const stmt of body.slice(body.indexOf(route) + 1, body.indexOf(listen))) {
    if (callOn(stmt, app)) {
      addTodo(
        j,
        stmt,
        `apply(${app}) above answers every request, so this is never reached: move it above apply(${app})`,
      )
    }
  }

  removed.push(j.expressionStatement(route.expression))
  // A `// @ts-ignore` or `// @ts-expect-error` was about the route's types; on apply(app) the second would fail.
  route.comments = (route.comments ?? []).filter((c: N) => !/^\s*@ts-(ignore|expect-error)/.test(c.value))
  route.expression = j.callExpression(j.identifier('apply'), [j.identifier(app)])

  const [port, onReady] = callOn(listen, app).arguments as N[]
  const props: N[] = []
  if (port)
    props.push(port.type === 'Identifier' && port.name === 'port' ? shorthand(j, 'port') : prop(j, 'port', port))
  if (onReady) props.push(prop(j, 'onReady', onReady))
  const serveArgs: N[] = [j.identifier(app)]
  if (props.length > 0) serveArgs.push(j.objectExpression(props))
  const ret = j.returnStatement(j.callExpression(j.identifier('serve'), serveArgs))
  ;(ret as N).comments = listen.comments
  body.splice(body.indexOf(listen), 2, ret)

  removeUnusedConstants(j, root, removed)
  const handlerModules = pruneImportsOf(j, root, removed)
  addPhotonImport(j, root)
  const retired = handlerModules.length > 0 ? `; \`${handlerModules.join('`, `')}\` is no longer imported here` : ''
  addTodo(j, route, `apply(${app}) from @photonjs/express renders the pages now, in place of the Vike route${retired}`)
}

const prop = (j: JSCodeshift, key: string, value: N) => j.objectProperty(j.identifier(key), value)
function shorthand(j: JSCodeshift, key: string): N {
  const p = prop(j, key, j.identifier(key)) as N
  p.shorthand = true
  return p
}

/** Identifiers the removed statements referenced. */
function namesIn(j: JSCodeshift, nodes: N[]): Set<string> {
  const names = new Set<string>()
  for (const n of nodes) {
    if (n.type === 'Identifier') names.add(n.name)
    j(n)
      .find(j.Identifier)
      .forEach((p) => {
        names.add(p.node.name)
      })
  }
  return names
}

/**
 * Top-level `const x = <expr>` that only the removed code used (Bati's `root`, `hmrPort`, then `__dirname` and
 * `__filename`, which only `root` used). Only initializers without side effects go; the removed declarations are
 * added to `removed`, so that the imports only they used go too.
 */
function removeUnusedConstants(j: JSCodeshift, root: Collection, removed: N[]): void {
  const body = program(j, root).body as N[]
  let candidates = namesIn(j, removed)
  while (candidates.size > 0) {
    const next = new Set<string>()
    for (const stmt of [...body]) {
      if (stmt.type !== 'VariableDeclaration' || stmt.kind !== 'const' || stmt.declarations.length !== 1) continue
      const d = stmt.declarations[0]
      if (d.id.type !== 'Identifier' || !candidates.has(d.id.name) || !d.init || !isPure(j, d.init)) continue
      // countReferences counts the declaration's own name.
      if (countReferences(j, root, d.id.name) > 1) continue
      for (const name of namesIn(j, [d.init])) next.add(name)
      const i = body.indexOf(stmt)
      const comments = (stmt.comments ?? []).filter((c: N) => c.leading !== false)
      if (body[i + 1] && comments.length > 0) body[i + 1].comments = [...comments, ...(body[i + 1].comments ?? [])]
      body.splice(i, 1)
      removed.push(stmt)
    }
    candidates = next
  }
}

/** Calls a constant's initializer may make and still be dropped: path and number helpers. */
const pureCalls = new Set(['fileURLToPath', 'dirname', 'resolve', 'join', 'Number', 'parseInt', 'String'])

function isPure(j: JSCodeshift, init: N): boolean {
  let pure = true
  j(j.expressionStatement(init))
    .find(j.Node)
    .forEach((p) => {
      const n = p.node as N
      if (n.type === 'CallExpression') {
        const c = n.callee
        const name = c.type === 'Identifier' ? c.name : c.type === 'MemberExpression' ? c.property.name : null
        if (!pureCalls.has(name)) pure = false
      }
      if (['AssignmentExpression', 'UpdateExpression', 'AwaitExpression', 'NewExpression'].includes(n.type))
        pure = false
    })
  return pure
}

/** Removes the imports the removed code used and nothing uses now; returns the relative modules that went. */
function pruneImportsOf(j: JSCodeshift, root: Collection, removed: N[]): string[] {
  const names = namesIn(j, removed)
  const decls = root
    .find(j.ImportDeclaration)
    .filter((p) => (p.node.specifiers ?? []).some((s) => names.has(s.local?.name as string)))
    .paths()
  const before = decls.map((d) => d.node)
  pruneUnusedImports(j, root, decls)
  const body = program(j, root).body as N[]
  return before
    .filter((d) => !body.includes(d) && String(d.source.value).startsWith('.'))
    .map((d) => String(d.source.value))
}

/** `import { apply, serve } from '@photonjs/express'`, after the last import. */
function addPhotonImport(j: JSCodeshift, root: Collection): void {
  const decl = j.importDeclaration(
    [j.importSpecifier(j.identifier('apply')), j.importSpecifier(j.identifier('serve'))],
    j.stringLiteral(photonExpress),
  )
  const imports = root.find(j.ImportDeclaration)
  if (imports.size() > 0) imports.at(imports.size() - 1).insertAfter(decl)
  else program(j, root).body.unshift(decl)
}
