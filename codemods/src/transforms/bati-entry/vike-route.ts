import type { ASTPath, Collection, ImportDeclaration, JSCodeshift } from 'jscodeshift'
import { importsFrom, text } from '../../lib/ast.js'

// biome-ignore lint/suspicious/noExplicitAny: AST nodes of every shape.
type N = any

/** How a legacy Hono entry hands requests to Vike. */
export type VikeRouteKind =
  /** `app.all('*', createHandler(vikeHandler)())`, `handlerAdapter(vikeHandler)`, `vikeHandler`: a handler defined elsewhere */
  | 'reference'
  /** `app.get('*', async (c) => { ... renderPage(...) ... })`: the route renders the pages itself */
  | 'inline'

export interface VikeRoute {
  kind: VikeRouteKind
  /** The route's statement (`app.all('*', ...)`), directly in the program body. */
  stmt: ASTPath
  /** The Hono app's local name. */
  app: string
  /** The handler argument's source text, for the TODO. */
  handler: string
  /** Top-level functions of this file that only rendered pages (`function vikeHandler() { renderPage() }`). */
  localHandlers: string[]
}

const routeMethods = new Set(['all', 'get', 'use'])
/** Modules that hold Bati's (or a hand-written) Vike handler: `./server/vike-handler`, `../vike-handler.js`. */
const handlerModule = /(^|[/\\])vike[-_.]?handler(\.[cm]?[jt]s)?$/i
const handlerName = /^vike(Handler|Middleware)$/

/** Top-level `const app = new Hono()` (also `new Hono<Env>()`): the apps of this file. */
export function honoApps(j: JSCodeshift, root: Collection): Set<string> {
  const apps = new Set<string>()
  const honoLocals = new Set<string>()
  for (const decl of importsFrom(j, root, (s) => s === 'hono')) {
    for (const s of decl.node.specifiers ?? []) {
      if (s.type === 'ImportSpecifier' && s.imported.name === 'Hono')
        honoLocals.add((s.local?.name ?? 'Hono') as string)
    }
  }
  if (honoLocals.size === 0) return apps
  for (const stmt of program(j, root).body as N[]) {
    const decl = stmt.type === 'ExportNamedDeclaration' ? stmt.declaration : stmt
    if (decl?.type !== 'VariableDeclaration') continue
    for (const d of decl.declarations) {
      const init = d.init
      if (
        d.id?.type === 'Identifier' &&
        init?.type === 'NewExpression' &&
        init.callee.type === 'Identifier' &&
        honoLocals.has(init.callee.name)
      ) {
        apps.add(d.id.name)
      }
    }
  }
  return apps
}

export function program(j: JSCodeshift, root: Collection): N {
  return root.find(j.Program).nodes()[0]
}

/** Local names imported from `vike/server`'s `renderPage`. */
export function renderPageLocals(j: JSCodeshift, root: Collection): Set<string> {
  const names = new Set<string>()
  for (const decl of importsFrom(j, root, (s) => s === 'vike/server')) {
    for (const s of decl.node.specifiers ?? []) {
      if (s.type === 'ImportSpecifier' && s.imported.name === 'renderPage') names.add(s.local?.name as string)
    }
  }
  return names
}

function callsRenderPage(j: JSCodeshift, node: N, renderPage: Set<string>): boolean {
  if (renderPage.size === 0) return false
  return (
    j(node)
      .find(j.CallExpression)
      .filter((p) => p.node.callee.type === 'Identifier' && renderPage.has(p.node.callee.name))
      .size() > 0
  )
}

/** Top-level functions (declarations or `const f = () => {}`) that call renderPage(). */
function localRenderers(j: JSCodeshift, root: Collection, renderPage: Set<string>): Map<string, N> {
  const found = new Map<string, N>()
  for (const stmt of program(j, root).body as N[]) {
    const decl = stmt.type === 'ExportNamedDeclaration' ? stmt.declaration : stmt
    if (decl?.type === 'FunctionDeclaration' && decl.id && callsRenderPage(j, decl, renderPage)) {
      found.set(decl.id.name, stmt)
    }
    if (decl?.type === 'VariableDeclaration') {
      for (const d of decl.declarations) {
        const init = d.init
        const isFn = init?.type === 'ArrowFunctionExpression' || init?.type === 'FunctionExpression'
        if (d.id?.type === 'Identifier' && isFn && callsRenderPage(j, init, renderPage)) found.set(d.id.name, stmt)
      }
    }
  }
  return found
}

/** Identifiers imported from a Vike handler module or named like one. */
export function importedHandlers(j: JSCodeshift, root: Collection): Set<string> {
  const names = new Set<string>()
  root.find(j.ImportDeclaration).forEach((p: ASTPath<ImportDeclaration>) => {
    const source = String(p.node.source.value)
    for (const s of p.node.specifiers ?? []) {
      const local = s.local?.name as string | undefined
      if (!local) continue
      const imported = s.type === 'ImportSpecifier' ? (s.imported.name as string) : local
      if (handlerModule.test(source) || handlerName.test(imported)) names.add(local)
    }
  })
  return names
}

/**
 * The statements of the program body that hand every request to Vike: `app.all|get|use(['*' | '/*',] handler)`
 * where the handler is a Vike handler, wrapped (`createHandler(h)()`, `createHandler(h)`, `handlerAdapter(h)`)
 * or not, or an inline function that calls renderPage().
 */
export function findVikeRoutes(j: JSCodeshift, root: Collection, apps: Set<string>): VikeRoute[] {
  const renderPage = renderPageLocals(j, root)
  const locals = localRenderers(j, root, renderPage)
  const imported = importedHandlers(j, root)
  const isHandlerRef = (n: N) => n?.type === 'Identifier' && (imported.has(n.name) || locals.has(n.name))
  const routes: VikeRoute[] = []
  root
    .find(j.ExpressionStatement)
    .filter((p) => p.parent?.node.type === 'Program')
    .forEach((stmt) => {
      const call = stmt.node.expression as N
      if (call.type !== 'CallExpression' || call.callee.type !== 'MemberExpression') return
      const { object, property } = call.callee
      if (object.type !== 'Identifier' || !apps.has(object.name) || !routeMethods.has(property?.name)) return
      const args = call.arguments as N[]
      const handler = args[args.length - 1]
      if (!handler || !args.slice(0, -1).every((a) => /^\/?\*$/.test(a.value ?? ''))) return
      let ref: N = null
      if (isHandlerRef(handler)) ref = handler
      else if (handler.type === 'CallExpression') {
        // createHandler(h)() / createHandler(h) / handlerAdapter(h)
        const inner =
          handler.callee.type === 'CallExpression' && handler.arguments.length === 0 ? handler.callee : handler
        if (inner.arguments.length === 1 && isHandlerRef(inner.arguments[0])) ref = inner.arguments[0]
      }
      const base = { stmt, app: object.name, handler: text(j, handler) }
      if (ref) {
        routes.push({ ...base, kind: 'reference', localHandlers: locals.has(ref.name) ? [ref.name] : [] })
      } else if (
        (handler.type === 'ArrowFunctionExpression' || handler.type === 'FunctionExpression') &&
        (callsRenderPage(j, handler, renderPage) || callsRenderPage(j, handler, new Set(locals.keys())))
      ) {
        routes.push({ ...base, kind: 'inline', localHandlers: [] })
      }
    })
  return routes
}

/** The top-level statement that declares a local function (for its TODO). */
export function localHandlerStatement(j: JSCodeshift, root: Collection, name: string): N {
  return localRenderers(j, root, renderPageLocals(j, root)).get(name)
}
