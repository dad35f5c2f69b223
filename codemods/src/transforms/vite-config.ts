import type {
  API,
  ArrayExpression,
  ASTPath,
  CallExpression,
  FileInfo,
  ImportDeclaration,
  Node,
  ObjectExpression,
} from 'jscodeshift'
import { contextOf, type MigrateContext, type TransformOptions } from '../context.js'
import {
  addTodo,
  findConfigObjects,
  getProp,
  importsFrom,
  liveElements,
  liveProps,
  oneLine,
  parseExpression,
  parserFor,
  propName,
  pruneUnusedImports,
  removeElement,
  removeProp,
  statementOf,
  text,
  unwrap,
} from '../lib/ast.js'
import { literalValue, NOT_LITERAL, photonSettingProblems } from '../lib/photon-setting.js'
import { print } from '../lib/print.js'

/** A legacy Vite plugin: where it is imported from and which of its exports make the plugin. */
interface LegacyPlugin {
  from: (source: string) => boolean
  /** Exports whose call is the plugin (`default` for the default export); `null`: every export. */
  exports: string[] | null
  /** The package to drop from package.json once its call is gone (rule 7). */
  package?: string
  /** Only with one of the sources that replaced it; `undefined`: whenever a migration runs. */
  read?: (call: CallExpression, todo: (message: string) => void, path: ASTPath<CallExpression>) => void
}

/**
 * vite.config: removes the legacy Vite plugins (rules 19-22) and records what they configured
 * (server entry, framework, Vercel options) for +config and package.json. `vike()` stays (rule 23)
 * and no Photon plugin is added (rule 24): @photonjs/* targets load themselves. Plugins are found
 * under any local name (default, named, aliased or namespace import), and removed from conditional
 * entries (`isProd && vercel()`, `...(cond ? [vercel()] : [])`) with their condition.
 */
export default function viteConfig(file: FileInfo, api: API, options: TransformOptions): string {
  const j = api.jscodeshift.withParser(parserFor(file.path))
  const ctx = contextOf(options)
  const root = j(file.source)
  const touched: ASTPath<ImportDeclaration>[] = []
  /** Imports whose plugin call got a TODO (the import needs none of its own). */
  const callTodos = new Set<ImportDeclaration>()
  const configs = findConfigObjects(j, root)

  const serverEntryFromDevServer = (call: CallExpression) => {
    const arg = call.arguments[0] && unwrap(call.arguments[0] as Node)
    if (!ctx.serverEntry && arg?.type === 'ObjectExpression') {
      const entry = getProp(arg as ObjectExpression, 'entry')
      if (entry && isStringLiteral(entry.value as Node)) ctx.serverEntry = stringValue(entry.value as Node)
    }
  }
  const legacyPlugins: LegacyPlugin[] = [
    // Rule 19: vikeNode(...) from vike-node/plugin.
    {
      from: (s) => s === 'vike-node/plugin',
      exports: ['default', 'vikeNode'],
      read: (call, todo, path) =>
        readVikeNodeArgument(j, ctx, firstArgument(j, root, call), todo, (entries, keys) =>
          keepAside(j, root, path, 'vikeNodeEntries', entries, keys),
        ),
    },
    // Rule 20: pages(...) from vike-cloudflare.
    {
      from: (s) => s === 'vike-cloudflare',
      exports: ['pages'],
      read: (call, todo) => readPagesArgument(j, ctx, firstArgument(j, root, call), todo),
    },
    // Rule 22: vercel(...) from vite-plugin-vercel, and what @vite-plugin-vercel/vike exports (its plugins).
    { from: (s) => s === 'vite-plugin-vercel', exports: ['default', 'vercel'] },
    { from: (s) => s === '@vite-plugin-vercel/vike', exports: null },
    // Rule 21, and class 2.6: Hono's and Hattip's dev servers and build plugins. Photon runs the server
    // entry in dev and builds it for every target, so they go on Vercel and Node too, not only with pages().
    {
      from: (s) => s === '@hono/vite-dev-server',
      exports: ['default', 'devServer'],
      package: '@hono/vite-dev-server',
      read: serverEntryFromDevServer,
    },
    { from: (s) => s === '@hono/vite-cloudflare-pages', exports: ['default'], package: '@hono/vite-cloudflare-pages' },
    { from: (s) => /^@hono\/vite-build(\/|$)/.test(s), exports: ['default'], package: '@hono/vite-build' },
    { from: (s) => s === '@hattip/vite', exports: ['default', 'hattip'], package: '@hattip/vite' },
  ]

  for (const plugin of legacyPlugins) {
    for (const decl of importsFrom(j, root, plugin.from)) {
      touched.push(decl)
      for (const path of pluginCalls(j, root, decl.node, plugin.exports)) {
        const todo = (message: string) => addTodo(j, statementOf(path).node as Node, message)
        plugin.read?.(path.node, todo, path)
        if (plugin.package) ctx.removedPlugins.add(plugin.package)
        if (!removePluginCall(path)) {
          callTodos.add(decl.node)
          todo(`remove this \`${text(j, path.node.callee as Node)}(...)\` call: vike-photon replaces it`)
        }
      }
    }
  }
  // The Cloudflare adapter of Hono's dev server is an argument of devServer(): it goes with it.
  for (const decl of importsFrom(j, root, (s) => s === '@hono/vite-dev-server/cloudflare')) touched.push(decl)

  // Rule 22: the top-level `vercel:` key.
  for (const config of configs) {
    const key = getProp(config, 'vercel')
    if (!key) continue
    const todo = readVercelOptions(j, ctx, key.value as Node)
    removeProp(config, key)
    if (todo) addTodo(j, (getProp(config, 'plugins') ?? liveProps(config)[0] ?? config) as Node, todo)
  }

  pruneUnusedImports(j, root, touched)
  // An import of a removed package that the code still uses (e.g. a helper of @vite-plugin-vercel/vike).
  const body = root.find(j.Program).nodes()[0]?.body ?? []
  for (const decl of touched) {
    if (!body.includes(decl.node) || (decl.node.specifiers ?? []).length === 0 || callTodos.has(decl.node)) continue
    const source = decl.node.source.value as string
    // Plugin-only packages (@hono/vite-*, @hattip/vite) stay in package.json while something imports them.
    if (!legacyPlugins.some((p) => !p.package && p.from(source))) continue
    addTodo(j, decl.node, `${source} is removed by the migration: replace what this file still uses from it`)
  }
  return print(root, file.source)
}

/** Calls of the plugin factories an import declaration brings in, whatever their local names. */
function pluginCalls(
  j: API['jscodeshift'],
  root: ReturnType<API['jscodeshift']>,
  decl: ImportDeclaration,
  exports: string[] | null,
): ASTPath<CallExpression>[] {
  const locals = new Set<string>()
  const namespaces = new Set<string>()
  for (const s of decl.specifiers ?? []) {
    const local = s.local?.name as string | undefined
    if (!local) continue
    if (s.type === 'ImportNamespaceSpecifier') namespaces.add(local)
    else if (s.type === 'ImportDefaultSpecifier') {
      if (!exports || exports.includes('default')) locals.add(local)
    } else if (s.type === 'ImportSpecifier' && (s as { importKind?: string }).importKind !== 'type') {
      if (!exports || exports.includes(s.imported.name as string)) locals.add(local)
    }
  }
  if (locals.size === 0 && namespaces.size === 0) return []
  return root
    .find(j.CallExpression)
    .filter((path) => {
      const callee = path.node.callee as Node
      if (callee.type === 'Identifier') return locals.has((callee as unknown as { name: string }).name)
      if (callee.type !== 'MemberExpression') return false
      const { object, property, computed } = callee as unknown as { object: Node; property: Node; computed: boolean }
      if (object.type !== 'Identifier' || !namespaces.has((object as unknown as { name: string }).name)) return false
      const name = computed
        ? (property as unknown as { value?: string }).value
        : (property as unknown as { name?: string }).name
      return typeof name === 'string' && (!exports || exports.includes(name))
    })
    .paths()
}

/** A plugin call's first argument; an identifier is followed to the `const` that holds it. */
function firstArgument(j: API['jscodeshift'], root: ReturnType<API['jscodeshift']>, call: CallExpression): Node | null {
  const arg = call.arguments[0] ? unwrap(call.arguments[0] as Node) : null
  if (arg?.type !== 'Identifier') return arg
  const name = (arg as unknown as { name: string }).name
  const init = root
    .find(j.VariableDeclarator, { id: { type: 'Identifier', name } })
    .filter((p) => (p.parent?.node as { kind?: string } | undefined)?.kind === 'const')
    .nodes()[0]?.init
  return init ? unwrap(init as Node) : arg
}

/** `null`, `undefined`, `false`, `void 0` or an empty array: a plugin entry that adds nothing. */
function isNothing(node: Node): boolean {
  const n = unwrap(node)
  if (n.type === 'NullLiteral') return true
  if (n.type === 'BooleanLiteral') return (n as unknown as { value: boolean }).value === false
  if (n.type === 'Identifier') return (n as unknown as { name: string }).name === 'undefined'
  if (n.type === 'UnaryExpression') return (n as unknown as { operator: string }).operator === 'void'
  if (n.type === 'ArrayExpression') return liveElements(n as ArrayExpression).length === 0
  return false
}

/**
 * Removes a plugin call from the plugins array it sits in, with the condition that guards it
 * (`cond && p()`, `cond ? p() : null`, `...(cond ? [p()] : [])`). False when the call is somewhere
 * else (a variable, a `push`, a ternary choosing between two plugins): the caller leaves a TODO.
 */
function removePluginCall(path: ASTPath): boolean {
  let cur: ASTPath = path
  for (;;) {
    const parentPath = cur.parent as ASTPath | null
    const parent = parentPath?.node as Node | undefined
    if (!parentPath || !parent) return false
    switch (parent.type) {
      case 'ArrayExpression': {
        const arr = parent as ArrayExpression
        removeElement(arr, cur.node as Node)
        if (liveElements(arr).length > 0) return true
        // An emptied array that was one branch of a condition: drop the condition too when it adds nothing else.
        const up = conditionalAround(parentPath)
        if (!up) return true
        cur = up
        continue
      }
      case 'ConditionalExpression': {
        const c = parent as unknown as { consequent: Node; alternate: Node }
        const other = c.consequent === cur.node ? c.alternate : c.consequent
        if (!isNothing(other)) return false
        cur = parentPath
        continue
      }
      case 'LogicalExpression': {
        const l = parent as unknown as { operator: string; right: Node }
        if (l.operator !== '&&' || l.right !== cur.node) return false
        cur = parentPath
        continue
      }
      case 'SpreadElement':
      case 'ParenthesizedExpression':
      case 'TSAsExpression':
      case 'TSSatisfiesExpression':
        cur = parentPath
        continue
      default:
        return false
    }
  }
}

/** The conditional (through parentheses) an array is a branch of, when its other branch adds nothing. */
function conditionalAround(arrayPath: ASTPath): ASTPath | null {
  let cur = arrayPath
  while (cur.parent?.node.type === 'ParenthesizedExpression') cur = cur.parent
  const parent = cur.parent?.node as Node | undefined
  if (parent?.type === 'ConditionalExpression') {
    const c = parent as unknown as { consequent: Node; alternate: Node }
    const other = c.consequent === cur.node ? c.alternate : c.consequent
    return isNothing(other) ? (cur.parent as ASTPath) : null
  }
  if (parent?.type === 'LogicalExpression') {
    const l = parent as unknown as { operator: string; right: Node }
    return l.operator === '&&' && l.right === cur.node ? (cur.parent as ASTPath) : null
  }
  return null
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
  arg: Node | null,
  todo: (message: string) => void,
  keepExtra: (entries: ObjectExpression['properties'], what: string) => boolean = () => false,
): void {
  ctx.sources.add('vike-node')
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
      const keys = others.map((p) => keyName(p) ?? text(j, p)).join(', ')
      // The entries' code stays in the file (a multi-line object never goes into a `//` TODO).
      // vike-node's `runtime` of an entry was a deploy target; in vike-photon the target is the installed package.
      const runtimes = others.flatMap((p) => {
        const v = p.type === 'ObjectProperty' || p.type === 'Property' ? unwrap(p.value as Node) : null
        const runtime = v?.type === 'ObjectExpression' ? getProp(v as ObjectExpression, 'runtime') : null
        const name = runtime && isStringLiteral(runtime.value as Node) ? stringValue(runtime.value as Node) : null
        return name === 'cloudflare' || name === 'vercel' ? [name] : []
      })
      const target = runtimes
        .map(
          (r) =>
            `runtime '${r}' is a deploy target in vike-photon: install @photonjs/${r} and it builds photon.server for it`,
        )
        .join('; ')
      const kept = keepExtra(
        others,
        `vikeNode() had more entries than \`index\` (${keys}${target ? `; ${target}` : ''})`,
      )
      if (!kept) {
        todo(
          `vikeNode() had more entries than \`index\` (${others.map((p) => text(j, p)).join(', ')}): add them to \`photon.entries\` in +config, or drop them`,
        )
      }
    }
  } else if (entryValue) {
    todo(`vikeNode({ entry: ${text(j, entryValue)} }) was removed: set \`photon.server\` in +config to that entry`)
  }
  readVikeNodeStandalone(j, ctx, obj, todo)
}

/**
 * vikeNode({ standalone, external }) → `photon.standalone` in +config, when vike-photon's own resolver accepts
 * it: `true`, or `{ bundle, minify, trace, external }` (`external` joins it). `{ esbuild }` has no counterpart: the
 * build stays standalone, the old options go in a TODO. A value that is not a literal, or that the resolver refuses,
 * stays a TODO.
 */
function readVikeNodeStandalone(
  j: API['jscodeshift'],
  ctx: MigrateContext,
  options: ObjectExpression,
  todo: (message: string) => void,
): void {
  const standalone = getProp(options, 'standalone')
  const external = getProp(options, 'external')
  const value = standalone ? unwrap(standalone.value as Node) : null
  const literal = value ? literalValue(value as never) : undefined
  const externalText = external ? text(j, external.value as Node) : null
  const manualStandalone = () =>
    todo(
      `vikeNode({ standalone: ${text(j, standalone!.value as Node)} }) was removed: set \`photon.standalone\` in +config (options are bundle/minify/trace/external; \`{ esbuild }\` is no longer supported)`,
    )
  const manualExternal = () =>
    todo(
      `vikeNode({ external: ${externalText} }) was removed: move it to \`photon.standalone.external\` in +config, or to Vite's \`ssr.external\``,
    )
  if (!standalone || literal === false || literal === null) {
    if (external) manualExternal()
    return
  }
  if (literal === NOT_LITERAL || (literal !== true && (typeof literal !== 'object' || Array.isArray(literal)))) {
    manualStandalone()
    if (external) manualExternal()
    return
  }
  // `true`, or the object's own properties (esbuild left out), plus `external` from beside it.
  const object = literal === true ? null : (value as ObjectExpression)
  const props = object ? object.properties.filter((p) => propName(p) !== 'esbuild').map((p) => text(j, p)) : []
  const hadEsbuild = object !== null && getProp(object, 'esbuild') !== undefined
  const externalLiteral = external ? literalValue(unwrap(external.value as Node) as never) : undefined
  if (external && externalLiteral !== NOT_LITERAL && !(object && getProp(object, 'external'))) {
    props.push(`external: ${externalText}`)
  } else if (external) manualExternal()
  const setting = props.length === 0 ? 'true' : `{ ${props.join(', ')} }`
  const problems = photonSettingProblems({ standalone: literalValue(parseExpression(j, setting) as never) })
  if (problems.length > 0) {
    todo(
      `vikeNode({ standalone: ${oneLine(text(j, standalone.value as Node))} }) was not carried over to \`photon.standalone\`: ${problems.join(' ')}`,
    )
    return
  }
  ctx.photonSettings.set('standalone', {
    value: setting,
    todo: hadEsbuild
      ? `was vikeNode({ standalone: ${oneLine(text(j, standalone.value as Node))} }): vike-photon's standalone build takes \`{ bundle, minify, trace, external }\`, not esbuild options`
      : undefined,
  })
}

/** Rule 20: pages({ server: { kind, entry } }). */
function readPagesArgument(
  j: API['jscodeshift'],
  ctx: MigrateContext,
  arg: Node | null,
  todo: (message: string) => void,
): void {
  ctx.sources.add('vike-cloudflare-pages')
  if (!arg) return
  if (arg.type !== 'ObjectExpression') {
    todo(`pages(${text(j, arg)}) was removed: set \`photon.server\` in +config to the server entry it named, if any`)
    return
  }
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

/**
 * Keeps properties that a removed plugin call held (e.g. vikeNode()'s extra entries) as a `const` above the
 * statement the call was in, under a TODO: the user's code stays in the file, intact. False (nothing done) when
 * they are not inside the call (an argument held in the user's own `const` stays anyway) or use names that
 * may not exist where the `const` goes.
 */
function keepAside(
  j: API['jscodeshift'],
  root: ReturnType<API['jscodeshift']>,
  call: ASTPath<CallExpression>,
  baseName: string,
  props: ObjectExpression['properties'],
  what: string,
): boolean {
  const inCall = props.every(
    (p) =>
      j(call)
        .find(j.Node)
        .filter((d) => d.node === p)
        .size() > 0,
  )
  const usesNames = props.some(
    (p) =>
      j(p as never)
        .find(j.Identifier)
        .filter((i) => {
          const parent = i.parent?.node as Node & { key?: unknown; property?: unknown; computed?: boolean }
          if ((parent.type === 'ObjectProperty' || parent.type === 'Property') && parent.key === i.node)
            return Boolean(parent.computed)
          if (parent.type === 'MemberExpression' && parent.property === i.node) return Boolean(parent.computed)
          return true
        })
        .size() > 0,
  )
  if (!inCall || usesNames) return false
  let stmt: ASTPath = call
  while (stmt.parent && !['Program', 'BlockStatement'].includes((stmt.parent.node as Node).type)) stmt = stmt.parent
  if (!stmt.parent) return false
  let name = baseName
  for (let i = 2; root.find(j.Identifier, { name }).size() > 0; i++) name = `${baseName}${i}`
  const decl = j.variableDeclaration('const', [
    j.variableDeclarator(j.identifier(name), j.objectExpression(props as never)),
  ])
  addTodo(j, decl, `${what}, kept here as \`${name}\`: add them to \`photon.entries\` in +config, or drop them`)
  stmt.insertBefore(decl)
  return true
}
