import type { API, ASTPath, Collection, FileInfo, ImportDeclaration, JSCodeshift } from 'jscodeshift'
import { contextOf, type TransformOptions } from '../context.js'
import { addTodo, countReferences, importsFrom, namedLocal, parserFor, pruneUnusedImports } from '../lib/ast.js'
import { print } from '../lib/print.js'
import { exportServe, removeVercelHandleExports, vercelHandleLocals } from './bati-entry/default-export.js'
import { migrateSelfServingExpress } from './bati-entry/express.js'
import {
  isPagesFunction,
  isRetired,
  markFetchWorker,
  markPagesFunction,
  markRetired,
  resolveModule,
} from './bati-entry/leftovers.js'
import { findVikeRoutes, honoApps, localHandlerStatement, program } from './bati-entry/vike-route.js'

// biome-ignore lint/suspicious/noExplicitAny: AST nodes of every shape.
type N = any

const photonHono = '@photonjs/hono'

/**
 * Hono entries that render the pages themselves: Bati's (vike-cloudflare 0.1 Pages, vite-plugin-vercel) and
 * hand-written ones. The Vike route (`app.all('*', createHandler(vikeHandler)())`, `handlerAdapter(vikeHandler)`,
 * a handler calling renderPage()) becomes `apply(app)`; the default export (`app`, the dev-only
 * `NODE_ENV === 'production' ? undefined : app`, hono/vercel's `handle(app)`) becomes `serve(app)`, both from
 * @photonjs/hono, and hono/vercel's `export const GET = handle(app)` go. Other routes and middlewares stay.
 * Files the entry stops importing, and Cloudflare Pages Functions, stay too, with a TODO.
 */
export default function batiEntry(file: FileInfo, api: API, options: TransformOptions): string {
  const j = api.jscodeshift.withParser(parserFor(file.path))
  const ctx = contextOf(options)
  const root = j(file.source)
  if (isPagesFunction(file.path) && ctx.sources.has('vike-cloudflare-pages')) {
    markPagesFunction(j, root)
    return print(root, file.source)
  }

  const apps = honoApps(j, root)
  const handle = vercelHandleLocals(j, root)
  const routes = apps.size > 0 ? findVikeRoutes(j, root, apps) : []
  // Without a Vike route, only the entry vite.config named (or a Vercel export) is the server entry.
  const isEntry = handle.size > 0 || samePath(ctx.serverEntry, file.path)
  const app = routes[0]?.app ?? (isEntry && apps.size === 1 ? [...apps][0]! : null)
  if (!app) {
    if (isRetired(ctx, file.path)) markRetired(j, root)
    const cloudflare = ctx.sources.has('vike-cloudflare-pages') || ctx.sources.has('vike-cloudflare')
    if (cloudflare && apps.size === 0 && samePath(ctx.serverEntry, file.path)) markFetchWorker(j, root)
    if (apps.size === 0 && samePath(ctx.serverEntry, file.path) && migrateSelfServingExpress(j, root)) {
      ctx.frameworks.add('express')
    }
    markVercelHandle(j, root)
    return print(root, file.source)
  }
  ctx.frameworks.add('hono')

  const existing = importsFrom(j, root, (s) => s === photonHono)[0]
  const applyLocal = (existing && namedLocal(existing.node, 'apply')) ?? 'apply'
  const serveLocal = (existing && namedLocal(existing.node, 'serve')) ?? 'serve'
  const applied =
    existing !== undefined &&
    root
      .find(j.CallExpression, { callee: { type: 'Identifier', name: applyLocal } })
      .filter((p) => (p.node.arguments[0] as N)?.name === app)
      .size() > 0
  const applyStatement = () => j.expressionStatement(j.callExpression(j.identifier(applyLocal), [j.identifier(app)]))

  // Imports that only the replaced handler used go (the files stay: see retiredModules).
  const handlerNames = new Set<string>()
  let applyTodo: { stmt: N; handler: string } | null = null
  let first = !applied
  for (const route of routes) {
    const stmt = route.stmt.node as N
    if (route.kind === 'inline') {
      if (first) program(j, root).body.splice(program(j, root).body.indexOf(stmt), 0, applyStatement())
      addTodo(
        j,
        stmt,
        `this route rendered the pages with renderPage(): apply(${app}) above does that now and this route is no longer reached; delete it (move what it adds to pageContextInit into +onCreatePageContext.server.ts)`,
      )
    } else if (first) {
      j(stmt.expression)
        .find(j.Identifier)
        .forEach((p) => {
          handlerNames.add(p.node.name)
        })
      stmt.expression = applyStatement().expression
      applyTodo = { stmt, handler: route.handler }
    } else {
      addTodo(j, stmt, `apply(${app}) above already renders the pages: delete this route`)
    }
    first = false
    for (const name of route.localHandlers) {
      const decl = localHandlerStatement(j, root, name)
      // Its own name is the one reference left when nothing else calls it.
      if (decl && countReferences(j, root, name) <= 1) {
        addTodo(
          j,
          decl,
          `\`${name}\` is no longer used: apply(${app}) renders the pages now; delete it (move what it adds to pageContextInit into +onCreatePageContext.server.ts)`,
        )
      }
    }
  }

  const removed = removeVercelHandleExports(j, root, app, handle)
  const exported = exportServe(j, root, app, serveLocal, handle)
  if (removed.length > 0) {
    addTodo(
      j,
      exported,
      `the hono/vercel exports (${removed.join(', ')}) were removed: @photonjs/vercel deploys this default export as the Vercel function`,
    )
  }
  if (routes.length === 0 && !applied) {
    addTodo(
      j,
      exported,
      `no Vike route was found in this entry: call \`apply(${app})\` from @photonjs/hono before this export so that it renders the pages`,
    )
  }

  const retired = pruneHandlerImports(j, root, file.path, handlerNames)
  for (const m of retired) ctx.retiredModules.add(m.module)
  if (applyTodo) {
    const them = retired.length > 1 ? 'them' : 'it'
    const retiredPart =
      retired.length > 0
        ? `: ${retired.map((r) => `\`${r.source}\``).join(', ')} ${retired.length > 1 ? 'are' : 'is'} no longer imported here, delete ${them} if nothing else uses ${them}`
        : ''
    addTodo(
      j,
      applyTodo.stmt,
      `apply(${app}) renders the pages now, in place of \`${applyTodo.handler}\`${retiredPart}`,
    )
  }
  addPhotonImport(j, root, existing, [applyLocal, serveLocal])
  markVercelHandle(j, root)
  return print(root, file.source)
}

const samePath = (a: string | undefined, b: string) =>
  a !== undefined && a.replace(/\\/g, '/').replace(/^\.\//, '') === b.replace(/\\/g, '/').replace(/^\.\//, '')

/** Prunes the imports of the replaced handler and of hono/vercel; returns the relative modules no longer imported. */
function pruneHandlerImports(
  j: JSCodeshift,
  root: Collection,
  path: string,
  names: Set<string>,
): { source: string; module: string }[] {
  const decls = root
    .find(j.ImportDeclaration)
    .filter(
      (p) =>
        p.node.source.value === 'hono/vercel' ||
        (p.node.specifiers ?? []).some((s) => names.has(s.local?.name as string)),
    )
    .paths()
  const before = decls.map((d) => ({ node: d.node, source: String(d.node.source.value) }))
  pruneUnusedImports(j, root, decls)
  const body = program(j, root).body as N[]
  const gone = [...new Set(before.filter((d) => !body.includes(d.node)).map((d) => d.source))]
  return gone.flatMap((source) => {
    const module = resolveModule(path, source)
    return module ? [{ source, module }] : []
  })
}

/** `import { apply, serve } from '@photonjs/hono'`, merged into an existing import, for the names now used. */
function addPhotonImport(
  j: JSCodeshift,
  root: Collection,
  existing: ASTPath<ImportDeclaration> | undefined,
  locals: [string, string],
): void {
  const [applyLocal, serveLocal] = locals
  const wanted = (['apply', 'serve'] as const).filter((name, i) => {
    const local = i === 0 ? applyLocal : serveLocal
    return (
      root.find(j.CallExpression, { callee: { type: 'Identifier', name: local } }).size() > 0 &&
      !(existing && namedLocal(existing.node, name))
    )
  })
  if (wanted.length === 0) return
  const specs = wanted.map((n) => j.importSpecifier(j.identifier(n)))
  if (existing) {
    existing.node.specifiers = [...(existing.node.specifiers ?? []), ...specs]
    return
  }
  const decl = j.importDeclaration(specs, j.stringLiteral(photonHono))
  const imports = root.find(j.ImportDeclaration)
  if (imports.size() > 0) imports.at(imports.size() - 1).insertAfter(decl)
  else program(j, root).body.unshift(decl)
}

/** hono/vercel exports this transform could not remove (a file without its own Hono app). */
function markVercelHandle(j: JSCodeshift, root: Collection): void {
  for (const decl of importsFrom(j, root, (s) => s === 'hono/vercel')) {
    const local = namedLocal(decl.node, 'handle')
    if (!local) continue
    root
      .find(j.ExportNamedDeclaration)
      .filter(
        (p) =>
          j(p)
            .find(j.CallExpression, { callee: { type: 'Identifier', name: local } })
            .size() > 0,
      )
      .forEach((p) => {
        addTodo(j, p.node, 'delete this hono/vercel export: @photonjs/vercel builds the Vercel function itself')
      })
  }
}
