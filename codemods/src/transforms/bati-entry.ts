import type { API, FileInfo } from 'jscodeshift'
import { contextOf, type TransformOptions } from '../context.js'
import { adapterPackage, type Framework, isFramework } from '../frameworks.js'
import { addTodo, importsFrom, namedLocal, parserFor, pruneUnusedImports, statementOf } from '../lib/ast.js'
import { print } from '../lib/print.js'

// biome-ignore lint/suspicious/noExplicitAny: AST nodes of every shape.
type N = any

/**
 * Rule 32: Bati's universal-middleware entries. `app.all('*', createHandler(vikeHandler)())` becomes
 * `apply(app)` and `export default app` becomes `export default serve(app)`; other
 * createHandler/createMiddleware routes stay. The files Photon replaces get TODOs.
 */
export default function batiEntry(file: FileInfo, api: API, options: TransformOptions): string {
  const j = api.jscodeshift.withParser(parserFor(file.path))
  const ctx = contextOf(options)
  const root = j(file.source)
  const handlerDecls = importsFrom(j, root, (s) => /(^|\/)vike-handler(\.[jt]s)?$/.test(s))
  const handlerLocal = handlerDecls.map((d) => namedLocal(d.node, 'vikeHandler')).find(Boolean)
  const umDecls = importsFrom(j, root, (s) => s.startsWith('@universal-middleware/'))
  let fw: Framework | null = null
  let createHandler: string | null = null
  for (const d of umDecls) {
    const name = (d.node.source.value as string).split('/')[1]!
    const local = namedLocal(d.node, 'createHandler')
    if (local && isFramework(name)) {
      fw = name
      createHandler = local
    }
  }
  if (!handlerLocal || !fw || !createHandler) {
    // `export const GET = handle(app)` from hono/vercel is Bati's Vercel export: Photon builds it now.
    markVercelHandle(j, root)
    return print(root, file.source)
  }

  let replaced = false
  root.find(j.CallExpression).forEach((path) => {
    const call = path.node as N
    const inner = call.callee
    const isVikeRoute =
      inner?.type === 'CallExpression' &&
      inner.callee.type === 'Identifier' &&
      inner.callee.name === createHandler &&
      inner.arguments[0]?.type === 'Identifier' &&
      inner.arguments[0].name === handlerLocal
    if (!isVikeRoute) return
    const route = path.parent?.node as N
    const stmt = path.parent?.parent?.node as N
    if (
      route?.type !== 'CallExpression' ||
      route.callee.type !== 'MemberExpression' ||
      stmt?.type !== 'ExpressionStatement'
    ) {
      addTodo(j, statementOf(path).node, `replace this Vike route with \`apply(app)\` from ${adapterPackage(fw)}`)
      return
    }
    stmt.expression = j.callExpression(j.identifier('apply'), [route.callee.object])
    addTodo(
      j,
      stmt,
      'apply() now renders the pages: delete server/vike-handler.ts, and hono-entry.node.ts if you have one (vike-photon serves on Node itself)',
    )
    replaced = true
  })
  if (!replaced) return print(root, file.source)
  ctx.frameworks.add(fw)

  root.find(j.ExportDefaultDeclaration).forEach((path) => {
    const d = path.node.declaration as N
    if (d.type === 'Identifier') path.node.declaration = j.callExpression(j.identifier('serve'), [d])
  })
  markVercelHandle(j, root)
  pruneUnusedImports(j, root, [...handlerDecls, ...umDecls])
  const names = ['apply', ...(root.find(j.Identifier, { name: 'serve' }).size() > 0 ? ['serve'] : [])]
  const decl = j.importDeclaration(
    names.map((n) => j.importSpecifier(j.identifier(n))),
    j.stringLiteral(adapterPackage(fw)),
  )
  const imports = root.find(j.ImportDeclaration)
  if (imports.size() > 0) imports.at(imports.size() - 1).insertAfter(decl)
  return print(root, file.source)
}

function markVercelHandle(j: API['jscodeshift'], root: ReturnType<API['jscodeshift']>): void {
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
