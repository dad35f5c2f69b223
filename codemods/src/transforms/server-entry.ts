import type { API, ASTPath, CallExpression, Collection, FileInfo, ImportDeclaration, JSCodeshift } from 'jscodeshift'
import { contextOf, type MigrateContext, type TransformOptions } from '../context.js'
import { adapterPackage, asyncApplyFrameworks, type Framework, legacyFrameworkModule } from '../frameworks.js'
import {
  addTodo,
  countReferences,
  defaultLocal,
  enclosingFunction,
  importsFrom,
  isTypeScript,
  namedLocal,
  parserFor,
  propName,
  pruneUnusedImports,
  removeStatementKeepComments,
  statementOf,
  text,
  unwrap,
} from '../lib/ast.js'
import { print } from '../lib/print.js'

// biome-ignore lint/suspicious/noExplicitAny: AST nodes of every shape are rewritten below; ast-types' unions add nothing here.
type N = any

/**
 * Server entries of vike-server 1.0, vike-cloudflare 0.2 and vike-node 0.3 (every framework):
 * imports become `@photonjs/<fw>` (rule 25), the entry default-exports `serve()` (rule 26), `apply()`
 * options move to getMiddlewares()/+config (rule 27), `onServer` becomes `onCreate` (rule 28), vike-node's
 * middleware and hand-written listen calls become `apply()`/`serve()` (rule 29); Fastify and
 * `vike-server/api` get TODOs (rules 31, 33).
 */
export default function serverEntry(file: FileInfo, api: API, options: TransformOptions): string {
  const j = api.jscodeshift.withParser(parserFor(file.path))
  const ctx = contextOf(options)
  const root = j(file.source)

  // Rule 31: vike-server/api has no equivalent.
  for (const decl of importsFrom(j, root, (s) => s === 'vike-server/api')) {
    addTodo(j, decl.node, 'vike-server/api (resolveServerConfig) has no vike-photon equivalent: remove this usage')
  }

  const legacy = importsFrom(j, root, (s) => legacyFrameworkModule(s) !== null)
  if (legacy.length === 0) return print(root, file.source)
  const fw = legacyFrameworkModule(legacy[0]!.node.source.value as string)!.fw
  const s = new EntryState(j, root, ctx, fw, isTypeScript(file.path))
  s.rewriteImports(legacy)
  s.rewriteVikeMiddleware()
  s.rewriteHonoNodeServer()
  s.rewriteListenCalls()
  s.rewriteApplyOptions()
  s.renameServeOptions()
  s.exportServe()
  s.checkFastify()
  s.checkBasePath()
  s.finishImports()
  return print(root, file.source)
}

class EntryState {
  applyLocal = 'apply'
  serveLocal = 'serve'
  vikeMiddleware: string | null = null
  target: ASTPath<ImportDeclaration> | null = null
  touched: ASTPath<ImportDeclaration>[] = []
  usesGetMiddlewares = false

  constructor(
    readonly j: JSCodeshift,
    readonly root: Collection,
    readonly ctx: MigrateContext,
    readonly fw: Framework,
    readonly ts: boolean,
  ) {}

  get program(): N {
    return this.root.find(this.j.Program).nodes()[0]
  }

  todo(path: ASTPath, message: string): void {
    addTodo(this.j, statementOf(path).node, message)
  }

  /** Rule 25: one `import { apply, serve } from '@photonjs/<fw>'`; `Hono` from vike-cloudflare/hono moves to `hono`. */
  rewriteImports(legacy: ASTPath<ImportDeclaration>[]): void {
    const j = this.j
    const valueSpecifiers: N[] = []
    const typeDecls: ASTPath<ImportDeclaration>[] = []
    let honoMoved = false
    for (const decl of legacy) {
      const info = legacyFrameworkModule(decl.node.source.value as string)!
      this.ctx.frameworks.add(info.fw)
      if (info.pkg === 'vike-node') this.ctx.sources.add('vike-node')
      if ((decl.node as N).importKind === 'type') {
        typeDecls.push(decl)
        continue
      }
      if (info.pkg === 'vike-node') {
        this.vikeMiddleware = defaultLocal(decl.node) ?? namedLocal(decl.node, 'vike')
      }
      for (const spec of decl.node.specifiers ?? []) {
        const imported = spec.type === 'ImportSpecifier' ? spec.imported.name : null
        if (info.pkg === 'vike-node' && (spec.type === 'ImportDefaultSpecifier' || imported === 'vike')) continue
        if (imported === 'Hono') {
          honoMoved = true
          this.addNamedImport('hono', spec)
          continue
        }
        if (imported === 'apply') this.applyLocal = (spec.local?.name as string) ?? 'apply'
        if (imported === 'serve') this.serveLocal = (spec.local?.name as string) ?? 'serve'
        if (!valueSpecifiers.some((v) => v.local?.name === spec.local?.name)) valueSpecifiers.push(spec)
      }
    }
    if (honoMoved) this.ctx.needs.add('hono')
    const adapter = adapterPackage(this.fw)
    const first = legacy.find((d) => (d.node as N).importKind !== 'type')
    if (first) {
      const decl = j.importDeclaration(valueSpecifiers, j.stringLiteral(adapter))
      ;(decl as N).comments = (first.node as N).comments
      first.replace(decl)
      this.target = first
    }
    for (const decl of legacy) if (decl !== first && !typeDecls.includes(decl)) removeStatementKeepComments(decl)
    const firstType = typeDecls[0]
    if (firstType) {
      firstType.node.source = j.stringLiteral(adapter)
      for (const other of typeDecls.slice(1)) {
        firstType.node.specifiers = [...(firstType.node.specifiers ?? []), ...(other.node.specifiers ?? [])]
        removeStatementKeepComments(other)
      }
    }
  }

  addNamedImport(source: string, spec: N): void {
    const j = this.j
    const existing = importsFrom(j, this.root, (s) => s === source).find((d) => (d.node as N).importKind !== 'type')
    if (existing) {
      if (!namedLocal(existing.node, spec.imported.name))
        existing.node.specifiers = [...(existing.node.specifiers ?? []), spec]
      return
    }
    const decl = j.importDeclaration([spec], j.stringLiteral(source))
    const firstImport = this.root.find(j.ImportDeclaration).at(0)
    firstImport.insertBefore(decl)
  }

  applyCall(app: N, middlewares?: N): N {
    const j = this.j
    const call = j.callExpression(j.identifier(this.applyLocal), middlewares ? [app, middlewares] : [app])
    return asyncApplyFrameworks.has(this.fw) ? j.awaitExpression(call) : call
  }

  /** Rule 29: `app.use(vike(o))`, `app.all('/*', vike(o))`, `app.get('/*', vike(o))` → `apply(app, ...)`. */
  rewriteVikeMiddleware(): void {
    const j = this.j
    const name = this.vikeMiddleware
    if (!name) return
    this.root.find(j.CallExpression, { callee: { type: 'Identifier', name } }).forEach((path) => {
      const outer = path.parent?.node as N
      const stmt = path.parent?.parent?.node as N
      const isRoute =
        outer?.type === 'CallExpression' &&
        outer.callee.type === 'MemberExpression' &&
        ['use', 'all', 'get'].includes(outer.callee.property?.name) &&
        outer.arguments[outer.arguments.length - 1] === path.node &&
        outer.arguments.slice(0, -1).every((a: N) => /^\/?\*$/.test(a.value ?? ''))
      if (!isRoute || stmt?.type !== 'ExpressionStatement') {
        this.todo(path, `replace this \`${name}()\` middleware with \`apply(app)\` from ${adapterPackage(this.fw)}`)
        return
      }
      const opts = path.node.arguments[0]
      const call = this.applyCall(outer.callee.object, opts as N)
      stmt.expression = call
      if (asyncApplyFrameworks.has(this.fw)) {
        const fn = enclosingFunction(path.parent.parent)
        if (fn && !(fn as N).async) this.todo(path.parent.parent, 'apply() is async here: make this function async')
      }
    })
  }

  /** Apps given to apply(): the identifiers whose listen()/fetch the rules below rewrite. */
  appNames(): Set<string> {
    const names = new Set<string>()
    this.root.find(this.j.CallExpression, { callee: { type: 'Identifier', name: this.applyLocal } }).forEach((p) => {
      const app = p.node.arguments[0] as N
      if (app?.type === 'Identifier') names.add(app.name)
    })
    return names
  }

  serveCall(app: N, props: N[]): CallExpression {
    const j = this.j
    const args = props.length > 0 ? [app, j.objectExpression(props)] : [app]
    return j.callExpression(j.identifier(this.serveLocal), args)
  }

  prop(name: string, value: N): N {
    const j = this.j
    const p = j.objectProperty(j.identifier(name), value)
    if (value?.type === 'Identifier' && value.name === name) p.shorthand = true
    return p
  }

  /** Rule 29: `serve({ fetch: app.fetch, port }, cb)` from @hono/node-server → `serve(app, { port, onReady: cb })`. */
  rewriteHonoNodeServer(): void {
    const j = this.j
    for (const decl of importsFrom(j, this.root, (s) => s === '@hono/node-server')) {
      const local = namedLocal(decl.node, 'serve')
      if (!local) continue
      let converted = 0
      const calls = this.root.find(j.CallExpression, { callee: { type: 'Identifier', name: local } })
      const total = calls.size()
      calls.forEach((path) => {
        const [opts, cb] = path.node.arguments as N[]
        const obj = opts && unwrap(opts)
        const fetch = obj?.type === 'ObjectExpression' ? obj.properties.find((p: N) => propName(p) === 'fetch') : null
        const app = fetch?.value?.type === 'MemberExpression' ? fetch.value.object : null
        if (app?.type !== 'Identifier') {
          this.todo(
            path,
            'export default `serve(app, { port })` from ' +
              `${adapterPackage(this.fw)} instead of starting @hono/node-server by hand`,
          )
          return
        }
        const props = obj.properties.filter((p: N) => p !== fetch)
        if (cb) props.push(this.prop('onReady', cb))
        this.replaceStartup(path, this.serveCall(app, props))
        converted++
      })
      if (converted === total) {
        // Every call now uses Photon's serve(), which may have the same local name: drop the old specifier.
        decl.node.specifiers = (decl.node.specifiers ?? []).filter((sp) => sp.local?.name !== local)
        if (decl.node.specifiers.length === 0) removeStatementKeepComments(decl)
      }
    }
  }

  /** Rule 29: `app.listen(port, cb)` and h3's `createServer(toNodeListener(app)).listen(port)`. */
  rewriteListenCalls(): void {
    const j = this.j
    const apps = this.appNames()
    this.root
      .find(j.CallExpression, { callee: { type: 'MemberExpression', property: { name: 'listen' } } })
      .forEach((path) => {
        const callee = path.node.callee as N
        let app: N = null
        if (callee.object.type === 'Identifier' && apps.has(callee.object.name)) app = callee.object
        const inner = callee.object
        if (
          inner.type === 'CallExpression' &&
          inner.callee.type === 'Identifier' &&
          inner.callee.name === 'createServer' &&
          inner.arguments[0]?.type === 'CallExpression' &&
          inner.arguments[0].callee.name === 'toNodeListener' &&
          inner.arguments[0].arguments[0]?.type === 'Identifier'
        ) {
          app = inner.arguments[0].arguments[0]
          for (const decl of importsFrom(j, this.root, (s) => s === 'node:http' || s === 'http' || s === 'h3')) {
            this.touched.push(decl)
          }
        }
        if (!app) return
        const args = path.node.arguments as N[]
        const props: N[] = []
        let rest = args
        const first = args[0] && unwrap(args[0])
        if (first?.type === 'ObjectExpression') {
          for (const p of first.properties) {
            props.push(propName(p) === 'host' ? this.prop('hostname', p.value) : p)
          }
          rest = args.slice(1)
        } else if (first) {
          props.push(this.prop('port', first))
          rest = args.slice(1)
        }
        // `listen(port, host, cb)` (Node's and Express' signature): the host becomes `hostname`.
        const isFunction = (n: N) => n?.type === 'ArrowFunctionExpression' || n?.type === 'FunctionExpression'
        if (rest.length === 2 && !isFunction(rest[0]) && (isFunction(rest[1]) || rest[1]?.type === 'Identifier')) {
          props.push(this.prop('hostname', rest[0]))
          rest = rest.slice(1)
        } else if (rest.length === 1 && (rest[0]?.type === 'StringLiteral' || rest[0]?.type === 'TemplateLiteral')) {
          props.push(this.prop('hostname', rest[0]))
          rest = []
        }
        const cb = rest[rest.length - 1]
        if (
          rest.length > 1 ||
          (cb && cb.type !== 'ArrowFunctionExpression' && cb.type !== 'FunctionExpression' && cb.type !== 'Identifier')
        ) {
          this.todo(
            path,
            'this listen() call has arguments vike-photon migrate does not know: export default `serve(app, { port, hostname, onReady })` instead',
          )
          return
        }
        if (cb) props.push(this.prop('onReady', cb))
        this.replaceStartup(path, this.serveCall(app, props))
      })
  }

  /** Puts a serve() call where a start-up call was: top level → export default; last statement of a function → return. */
  replaceStartup(path: ASTPath<CallExpression>, serve: CallExpression): void {
    const j = this.j
    const stmt = path.parent?.node as N
    if (stmt?.type !== 'ExpressionStatement') {
      this.todo(
        path,
        'the server is used after start-up: vike-photon starts it itself; export default `serve(app)` and move this logic to `onCreate`',
      )
      return
    }
    const fn = enclosingFunction(path)
    const body = (path.parent.parent?.node as N)?.body
    if (!fn) {
      stmt.expression = serve
      return
    }
    if (Array.isArray(body) && body[body.length - 1] === stmt && (path.parent.parent.parent?.node as N) === fn) {
      path.parent.replace(j.returnStatement(serve))
      return
    }
    this.todo(path, 'return `serve(app, ...)` from this function and export its result as default')
  }

  /** Rule 27: `apply(app, { pageContext, onError, compress, static })`. */
  rewriteApplyOptions(): void {
    const j = this.j
    this.root.find(j.CallExpression, { callee: { type: 'Identifier', name: this.applyLocal } }).forEach((path) => {
      const opts = path.node.arguments[1] as N
      if (!opts || isGetMiddlewares(opts)) return
      const obj = unwrap(opts) as N
      if (obj.type !== 'ObjectExpression') {
        this.todo(
          path,
          `apply() options are not an object literal: pass \`pageContext\`/\`onError\` as \`getMiddlewares({ ... })\` from vike-photon/universal-middlewares and move \`compress\`/\`static\` to \`photon\` in +config`,
        )
        return
      }
      const middleware: N[] = []
      const unknown: string[] = []
      for (const p of obj.properties) {
        const name = propName(p)
        if (name === 'pageContext' || name === 'onError') middleware.push(p)
        else if ((name === 'compress' || name === 'static') && isStaticValue(p.value)) {
          const value = unwrap(p.value) as N
          if (name === 'static' && value.type === 'StringLiteral') {
            // vike-photon serves the client build only (public/ is copied into it): a folder has no setting.
            this.todo(
              path,
              `\`static: ${text(j, value)}\` was removed: vike-photon serves the client build (dist/client, which includes public/). Serve any other folder with your own middleware`,
            )
          } else this.ctx.photonSettings.set(name, { value: text(j, value) })
        } else unknown.push(name ?? text(j, p))
      }
      if (unknown.length > 0) {
        this.todo(
          path,
          `apply() option(s) ${unknown.map((u) => `\`${u}\``).join(', ')} were removed: vike-photon's apply() takes middlewares only (set compress/static as literals in \`photon\` of +config)`,
        )
      }
      path.node.arguments =
        middleware.length > 0 ? [path.node.arguments[0]!, this.getMiddlewares(middleware)] : [path.node.arguments[0]!]
    })
  }

  getMiddlewares(props: N[]): N {
    const j = this.j
    this.usesGetMiddlewares = true
    const call = j(this.ts ? `getMiddlewares<'${this.fw}'>({})` : 'getMiddlewares({})')
      .find(j.CallExpression)
      .nodes()[0] as N
    call.arguments = [j.objectExpression(props)]
    return call
  }

  /** Rule 28: `onServer` was renamed `onCreate`. */
  renameServeOptions(): void {
    const j = this.j
    this.root.find(j.CallExpression, { callee: { type: 'Identifier', name: this.serveLocal } }).forEach((path) => {
      const opts = path.node.arguments[1] && (unwrap(path.node.arguments[1] as N) as N)
      if (opts?.type !== 'ObjectExpression') return
      for (const p of opts.properties) {
        if (propName(p) === 'onServer') {
          p.key = j.identifier('onCreate')
          if (p.shorthand) {
            p.shorthand = false
          }
        }
      }
    })
  }

  /** Rule 26: the entry must `export default` what serve() returns (awaited when the starter is async). */
  exportServe(): void {
    const j = this.j
    const program = this.program
    let exportDefault = program.body.find((st: N) => st.type === 'ExportDefaultDeclaration')
    const dTodo = (path: ASTPath, why: string) =>
      this.todo(
        path,
        `${why}: vike-photon imports the entry's default export, which must be the object serve() returns (\`export default serve(app)\`)`,
      )

    this.root.find(j.CallExpression, { callee: { type: 'Identifier', name: this.serveLocal } }).forEach((path) => {
      const fn = enclosingFunction(path)
      const parent = path.parent?.node as N
      if (!fn) {
        if (parent.type === 'ExportDefaultDeclaration') return
        if (parent.type === 'ExpressionStatement' && path.parent.parent?.node === program) {
          if (exportDefault) {
            dTodo(path, 'this file already has a default export')
            return
          }
          exportDefault = j.exportDefaultDeclaration(path.node)
          ;(exportDefault as N).comments = parent.comments
          path.parent.replace(exportDefault)
          return
        }
        dTodo(path, 'serve() no longer listens and its result is not a Node server')
        return
      }
      const returned =
        (parent.type === 'ReturnStatement' && parent.argument === path.node) ||
        ((fn as N).type === 'ArrowFunctionExpression' && (fn as N).body === path.node)
      if (!returned) {
        dTodo(path, 'serve() is called inside a function without returning its result')
        return
      }
      const starter = functionName(path, fn as N)
      if (!starter) {
        dTodo(path, 'serve() is called inside an anonymous function')
        return
      }
      if (starter.exported) {
        dTodo(path, `\`${starter.name}\` is a named export`)
        return
      }
      this.exportStarter(
        starter.name,
        Boolean((fn as N).async),
        (why) => dTodo(path, why),
        () => exportDefault,
        (d) => {
          exportDefault = d
        },
      )
    })
  }

  exportStarter(
    name: string,
    isAsync: boolean,
    todo: (why: string) => void,
    getExport: () => N,
    setExport: (d: N) => void,
  ): void {
    const j = this.j
    const program = this.program
    const wrap = (call: N) => (isAsync ? j.awaitExpression(call) : call)
    const isStarterCall = (n: N) =>
      n?.type === 'CallExpression' && n.callee.type === 'Identifier' && n.callee.name === name
    for (const stmt of program.body as N[]) {
      if (stmt.type === 'ExportDefaultDeclaration') {
        const d = stmt.declaration
        if (isStarterCall(d)) {
          if (isAsync) stmt.declaration = wrap(d)
          return
        }
        if (d?.type === 'AwaitExpression' && isStarterCall(d.argument)) return
      }
    }
    const callStmt = (program.body as N[]).find((st) => {
      if (st.type !== 'ExpressionStatement') return false
      const e =
        st.expression.type === 'AwaitExpression' || st.expression.type === 'UnaryExpression'
          ? st.expression.argument
          : st.expression
      return isStarterCall(e)
    })
    if (!callStmt) {
      todo(`\`${name}()\` is never called at the top level`)
      return
    }
    if (getExport()) {
      todo('this file already has a default export')
      return
    }
    const e = callStmt.expression
    const call = isStarterCall(e) ? e : e.argument
    const decl = j.exportDefaultDeclaration(wrap(call))
    ;(decl as N).comments = callStmt.comments
    this.root
      .find(j.ExpressionStatement)
      .filter((p) => p.node === callStmt)
      .replaceWith(decl)
    setExport(decl)
  }

  /** Rule 33: Fastify needs `forceCloseConnections: true` and fastify-raw-body. */
  /** Rule 29: a Hono base path moves the app's routes, and with them the pages vike-photon mounts on it. */
  checkBasePath(): void {
    const j = this.j
    this.root
      .find(j.CallExpression, { callee: { type: 'MemberExpression', property: { name: 'basePath' } } })
      .forEach((path) => {
        this.todo(
          path,
          "basePath() also prefixes the pages vike-photon mounts with apply(): keep pages at the root (apply() on an app without basePath) or set Vike's `baseServer` to the same path",
        )
      })
  }

  checkFastify(): void {
    if (this.fw !== 'fastify') return
    const j = this.j
    const source = this.root.toSource()
    for (const decl of importsFrom(j, this.root, (s) => s === 'fastify')) {
      const local = defaultLocal(decl.node) ?? namedLocal(decl.node, 'fastify') ?? namedLocal(decl.node, 'Fastify')
      if (!local) continue
      this.root.find(j.CallExpression, { callee: { type: 'Identifier', name: local } }).forEach((path) => {
        const missing: string[] = []
        if (!/forceCloseConnections\s*:\s*true/.test(source))
          missing.push('`forceCloseConnections: true` in the Fastify options')
        if (!source.includes('fastify-raw-body'))
          missing.push("`await app.register(import('fastify-raw-body'))` before apply()")
        if (missing.length > 0) this.todo(path, `vike-photon on Fastify needs ${missing.join(' and ')}`)
      })
    }
  }

  finishImports(): void {
    const j = this.j
    if (
      this.usesGetMiddlewares &&
      importsFrom(j, this.root, (s) => s === 'vike-photon/universal-middlewares').length === 0
    ) {
      const decl = j.importDeclaration(
        [j.importSpecifier(j.identifier('getMiddlewares'))],
        j.stringLiteral('vike-photon/universal-middlewares'),
      )
      if (this.target) this.target.insertAfter(decl)
      else this.root.find(j.ImportDeclaration).at(0).insertAfter(decl)
    }
    const target = this.target
    if (target) {
      const have = new Set((target.node.specifiers ?? []).map((sp) => sp.local?.name as string))
      for (const [imported, local] of [
        ['apply', this.applyLocal],
        ['serve', this.serveLocal],
      ] as const) {
        if (!have.has(local) && countReferences(j, this.root, local) > 0) {
          const spec = j.importSpecifier(j.identifier(imported), imported === local ? null : j.identifier(local))
          target.node.specifiers = [...(target.node.specifiers ?? []), spec]
        }
      }
      if ((target.node.specifiers ?? []).length === 0) removeStatementKeepComments(target)
    }
    pruneUnusedImports(j, this.root, this.touched)
  }
}

function isGetMiddlewares(node: N): boolean {
  return node?.type === 'CallExpression' && node.callee.type === 'Identifier' && node.callee.name === 'getMiddlewares'
}

/** Literals, and objects/arrays of literals: values that can move to +config without their scope. */
function isStaticValue(node: N): boolean {
  const n = unwrap(node) as N
  switch (n.type) {
    case 'StringLiteral':
    case 'NumericLiteral':
    case 'BooleanLiteral':
    case 'NullLiteral':
      return true
    case 'ArrayExpression':
      return n.elements.every(isStaticValue)
    case 'ObjectExpression':
      return n.properties.every(
        (p: N) => (p.type === 'ObjectProperty' || p.type === 'Property') && !p.computed && isStaticValue(p.value),
      )
    default:
      return false
  }
}

/** The name a function is known by at the top level, and whether it is a named export. */
function functionName(path: ASTPath, fn: N): { name: string; exported: boolean } | null {
  let p: ASTPath | null = path
  while (p && p.node !== fn) p = p.parent
  if (!p) return null
  if (fn.type === 'FunctionDeclaration' && fn.id) {
    return { name: fn.id.name, exported: p.parent?.node.type === 'ExportNamedDeclaration' }
  }
  const declarator = p.parent?.node as N
  if (declarator?.type === 'VariableDeclarator' && declarator.id.type === 'Identifier') {
    return { name: declarator.id.name, exported: p.parent?.parent?.parent?.node.type === 'ExportNamedDeclaration' }
  }
  return null
}
