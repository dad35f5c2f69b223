import type { API, ASTPath, CallExpression, FileInfo, ImportDeclaration, Node, ObjectExpression } from 'jscodeshift'
import { contextOf, type MigrateContext, type TransformOptions } from '../context.js'
import {
  addTodo,
  defaultLocal,
  findConfigObjects,
  getProp,
  importsFrom,
  namedLocal,
  parserFor,
  pruneUnusedImports,
  removeProp,
  statementOf,
  text,
  unwrap,
} from '../lib/ast.js'
import { print } from '../lib/print.js'

/**
 * vite.config: removes the legacy Vite plugins (rules 19-22) and records what they configured
 * (server entry, framework, Vercel options) for +config and package.json. `vike()` stays (rule 23)
 * and no Photon plugin is added (rule 24): @photonjs/* targets load themselves.
 */
export default function viteConfig(file: FileInfo, api: API, options: TransformOptions): string {
  const j = api.jscodeshift.withParser(parserFor(file.path))
  const ctx = contextOf(options)
  const root = j(file.source)
  const touched: ASTPath<ImportDeclaration>[] = []
  const configs = findConfigObjects(j, root)
  const pluginsProp = () => configs.map((c) => getProp(c, 'plugins')).find(Boolean)
  /** Where a TODO about a removed plugin goes: the `plugins` property, else the plugin's statement. */
  const todoAt = (call: ASTPath, message: string) =>
    addTodo(j, (pluginsProp() ?? statementOf(call).node) as Node, message)

  /** Calls of a plugin factory imported from `source`; removes each element from its plugins array. */
  const removePluginCalls = (
    sourceMatch: (s: string) => boolean,
    pick: (decl: ImportDeclaration) => string | null,
    onCall: (call: CallExpression, path: ASTPath<CallExpression>) => void,
  ): boolean => {
    let removed = false
    for (const decl of importsFrom(j, root, sourceMatch)) {
      const local = pick(decl.node)
      if (!local) continue
      touched.push(decl)
      root.find(j.CallExpression, { callee: { type: 'Identifier', name: local } }).forEach((path) => {
        onCall(path.node, path)
        if (removeFromArray(path)) removed = true
        else todoAt(path, `remove this \`${local}(...)\` call: vike-photon replaces it`)
      })
    }
    return removed
  }

  // Rule 19: vikeNode(...) from vike-node/plugin.
  removePluginCalls(
    (s) => s === 'vike-node/plugin',
    (d) => defaultLocal(d) ?? namedLocal(d, 'vikeNode'),
    (call, path) => readVikeNodeArgument(j, ctx, call, (msg) => todoAt(path, msg)),
  )

  // Rule 20: pages(...) from vike-cloudflare.
  const pagesRemoved = removePluginCalls(
    (s) => s === 'vike-cloudflare',
    (d) => namedLocal(d, 'pages'),
    (call, path) => readPagesArgument(j, ctx, call, (msg) => todoAt(path, msg)),
  )

  // Rule 21: Hono's dev server / Cloudflare Pages build plugins and Hattip's plugin go with pages().
  if (pagesRemoved || ctx.sources.has('vike-cloudflare-pages')) {
    removePluginCalls(
      (s) => s === '@hono/vite-dev-server',
      (d) => defaultLocal(d),
      (call) => {
        const arg = call.arguments[0] && unwrap(call.arguments[0] as Node)
        if (!ctx.serverEntry && arg?.type === 'ObjectExpression') {
          const entry = getProp(arg as ObjectExpression, 'entry')
          if (entry && isStringLiteral(entry.value)) ctx.serverEntry = stringValue(entry.value)
        }
        ctx.removedPlugins.add('@hono/vite-dev-server')
      },
    )
    removePluginCalls(
      (s) => s === '@hono/vite-cloudflare-pages',
      (d) => defaultLocal(d),
      () => ctx.removedPlugins.add('@hono/vite-cloudflare-pages'),
    )
    removePluginCalls(
      (s) => s === '@hattip/vite',
      (d) => defaultLocal(d) ?? namedLocal(d, 'hattip'),
      () => ctx.removedPlugins.add('@hattip/vite'),
    )
    for (const decl of importsFrom(j, root, (s) => s === '@hono/vite-dev-server/cloudflare')) touched.push(decl)
  }

  // Rule 22: vercel(...) from vite-plugin-vercel, and the top-level `vercel:` key.
  removePluginCalls(
    (s) => s === 'vite-plugin-vercel',
    (d) => defaultLocal(d) ?? namedLocal(d, 'vercel'),
    () => {},
  )
  for (const config of configs) {
    const key = getProp(config, 'vercel')
    if (!key) continue
    const todo = readVercelOptions(j, ctx, key.value as Node)
    removeProp(config, key)
    if (todo) addTodo(j, (getProp(config, 'plugins') ?? config.properties[0] ?? config) as Node, todo)
  }

  pruneUnusedImports(j, root, touched)
  return print(root, file.source)
}

function removeFromArray(path: ASTPath<CallExpression>): boolean {
  const parent = path.parent?.node as Node | undefined
  if (parent?.type !== 'ArrayExpression') return false
  path.prune()
  return true
}

function isStringLiteral(node: Node): boolean {
  const n = unwrap(node)
  return (
    n.type === 'StringLiteral' ||
    (n.type === 'Literal' && typeof (n as unknown as { value: unknown }).value === 'string')
  )
}

function stringValue(node: Node): string {
  return (unwrap(node) as unknown as { value: string }).value
}

/** Rule 19: the first argument of vikeNode() is the entry (string, `.entry` or `.entry.index`). */
function readVikeNodeArgument(
  j: API['jscodeshift'],
  ctx: MigrateContext,
  call: CallExpression,
  todo: (message: string) => void,
): void {
  ctx.sources.add('vike-node')
  const arg = call.arguments[0] ? unwrap(call.arguments[0] as Node) : null
  if (!arg) return
  if (isStringLiteral(arg)) {
    ctx.serverEntry = stringValue(arg)
    return
  }
  if (arg.type !== 'ObjectExpression') {
    todo(`vikeNode(${text(j, arg)}) was removed: set \`photon.server\` in +config to your server entry`)
    return
  }
  const obj = arg as ObjectExpression
  const entry = getProp(obj, 'entry')
  const entryValue = entry ? unwrap(entry.value as Node) : null
  if (entryValue && isStringLiteral(entryValue)) ctx.serverEntry = stringValue(entryValue)
  else if (entryValue?.type === 'ObjectExpression') {
    const index = getProp(entryValue as ObjectExpression, 'index')
    if (index && isStringLiteral(index.value as Node)) ctx.serverEntry = stringValue(index.value as Node)
    const others = (entryValue as ObjectExpression).properties.filter((p) => p !== index)
    if (others.length > 0) {
      todo(
        `vikeNode() had more entries than \`index\` (${others.map((p) => text(j, p)).join(', ')}): add them to \`photon.entries\` in +config, or drop them`,
      )
    }
  } else if (entryValue) {
    todo(`vikeNode({ entry: ${text(j, entryValue)} }) was removed: set \`photon.server\` in +config to that entry`)
  }
  const standalone = getProp(obj, 'standalone')
  if (standalone) {
    todo(
      `vikeNode({ standalone: ${text(j, standalone.value as Node)} }) was removed: set \`photon.standalone\` in +config (options are bundle/minify/trace/external; \`{ esbuild }\` is no longer supported)`,
    )
  }
  const external = getProp(obj, 'external')
  if (external) {
    todo(
      `vikeNode({ external: ${text(j, external.value as Node)} }) was removed: move it to \`photon.standalone.external\` in +config, or to Vite's \`ssr.external\``,
    )
  }
}

/** Rule 20: pages({ server: { kind, entry } }). */
function readPagesArgument(
  j: API['jscodeshift'],
  ctx: MigrateContext,
  call: CallExpression,
  todo: (message: string) => void,
): void {
  ctx.sources.add('vike-cloudflare-pages')
  const arg = call.arguments[0] ? unwrap(call.arguments[0] as Node) : null
  if (arg?.type !== 'ObjectExpression') return
  const server = getProp(arg as ObjectExpression, 'server')
  const serverValue = server ? unwrap(server.value as Node) : null
  if (serverValue?.type !== 'ObjectExpression') return
  const entry = getProp(serverValue as ObjectExpression, 'entry')
  if (entry && isStringLiteral(entry.value as Node)) ctx.serverEntry = stringValue(entry.value as Node)
  else if (entry)
    todo(`pages({ server: { entry: ${text(j, entry.value as Node)} } }) was removed: set \`photon.server\` in +config`)
  const kind = getProp(serverValue as ObjectExpression, 'kind')
  const kindValue = kind && isStringLiteral(kind.value as Node) ? stringValue(kind.value as Node) : null
  if (kindValue === 'hono') ctx.frameworks.add('hono')
  else if (kindValue === 'hattip') {
    ctx.frameworks.add('hattip')
    todo(
      'the server kind was `hattip`, but @photonjs/cloudflare supports hono/h3/srvx only: port the server entry to Hono',
    )
  }
}

/** Rule 22: the top-level `vercel` key. Returns the TODO to leave, or null when nothing is lost. */
function readVercelOptions(j: API['jscodeshift'], ctx: MigrateContext, value: Node): string | null {
  const obj = unwrap(value)
  if (obj.type !== 'ObjectExpression') {
    return `the \`vercel\` option (${text(j, obj)}) was removed: vike-photon configures Vercel itself; move what you need to vercel.json`
  }
  const props = (obj as ObjectExpression).properties
  if (props.length === 0) return null
  const notes: string[] = []
  for (const prop of props) {
    const name = prop.type === 'ObjectProperty' || prop.type === 'Property' ? keyName(prop) : null
    const v = prop.type === 'ObjectProperty' || prop.type === 'Property' ? unwrap(prop.value as Node) : null
    if (name === 'expiration' && v?.type === 'NumericLiteral') {
      ctx.vercelExpiration = (v as unknown as { value: number }).value
      notes.push('`expiration` goes into the per-page `isr: { expiration }` setting')
    } else if (name === 'additionalEndpoints' && v?.type === 'ArrayExpression') {
      for (const el of (v as unknown as { elements: Node[] }).elements) {
        const e = el && unwrap(el)
        if (e?.type !== 'ObjectExpression') continue
        const dest = getProp(e as ObjectExpression, 'destination')
        const source = getProp(e as ObjectExpression, 'source')
        if (dest && isStringLiteral(dest.value as Node) && stringValue(dest.value as Node) === 'ssr_' && source) {
          if (isStringLiteral(source.value as Node)) ctx.serverEntry = stringValue(source.value as Node)
          notes.push(`the \`ssr_\` endpoint ${text(j, source.value as Node)} is now \`photon.server\``)
        } else {
          notes.push(
            `endpoint ${source ? text(j, source.value as Node) : text(j, e)} goes into \`photon.entries\` (see getEntriesFromFs from @photonjs/vercel/utils)`,
          )
        }
      }
    } else if (name) {
      notes.push(`\`${name}\` has no vike-photon setting (use vercel.json or a plugin with getVercelAPI)`)
    } else {
      notes.push(text(j, prop))
    }
  }
  return `the \`vercel\` Vite option was removed: ${notes.join('; ')}`
}

function keyName(prop: Node): string | null {
  const key = (prop as unknown as { key: Node }).key
  if (key.type === 'Identifier') return (key as unknown as { name: string }).name
  if (key.type === 'StringLiteral') return (key as unknown as { value: string }).value
  return null
}
