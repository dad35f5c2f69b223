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
  /** Returns `'keep'` when the call holds user code that could be neither carried over nor set aside. */
  read?: (call: CallExpression, todo: (message: string) => void, aside: SetAside) => 'keep' | undefined
}

/**
 * Sets user code that a removed plugin call held (its options, extra entries) aside as a `const` above the
 * statement, under a TODO built from the const's name. Returns that name, or null when it cannot (the caller then
 * keeps the call where it is, with a TODO above it).
 */
type SetAside = (parts: Node[], build: () => Node, baseName: string, message: (name: string) => string) => string | null

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
      read: (call, todo, aside) =>
        readVikeNodeArgument(j, ctx, call.arguments[0] ?? null, firstArgument(j, root, call), todo, aside),
    },
    // Rule 20: pages(...) from vike-cloudflare.
    {
      from: (s) => s === 'vike-cloudflare',
      exports: ['pages'],
      read: (call, todo, aside) =>
        readPagesArgument(j, ctx, call.arguments[0] ?? null, firstArgument(j, root, call), todo, aside),
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
      read: (call) => {
        serverEntryFromDevServer(call)
        return undefined
      },
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
        const aside: SetAside = (parts, build, baseName, message) =>
          keepAside(j, root, path, parts, build, baseName, message)
        const keepCall = plugin.read?.(path.node, todo, aside) === 'keep'
        if (plugin.package) ctx.removedPlugins.add(plugin.package)
        if (keepCall || !removePluginCall(path)) {
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
    const { todo, rest } = readVercelOptions(j, ctx, key.value as Node)
    const keyPath = root
      .find(j.Node)
      .filter((p) => p.node === key)
      .paths()[0]
    // What has no vike-photon setting (rewrites, headers, other endpoints...) is the user's code: it is set aside
    // as a `const`, or, when it uses names only the config has, stays where it is; never quoted into a comment.
    const keptAs =
      rest && keyPath
        ? keepAside(
            j,
            root,
            keyPath as ASTPath,
            [rest],
            () => rest,
            'vercelOptions',
            (name) => `${todo}; kept here as \`${name}\``,
          )
        : null
    if (rest && !keptAs) {
      addTodo(j, key as Node, `${todo}; move this option's content where the notes say, then delete it`)
      continue
    }
    removeProp(config, key)
    if (todo && !keptAs) addTodo(j, (getProp(config, 'plugins') ?? liveProps(config)[0] ?? config) as Node, todo)
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

/**
 * How a plugin call's argument that cannot be carried over is kept (vikeNode(), pages()): a value written inside the
 * call is set aside as code under a TODO (`aside`); a name (a `const`), or an argument not written in the call, is
 * only named in the TODO (its code stays in the file anyway). Returns 'keep' when setting aside was impossible:
 * the call then stays intact, with the TODO above it.
 */
function argumentSetAside(
  j: API['jscodeshift'],
  original: Node,
  inCall: boolean,
  todo: (message: string) => void,
  aside: SetAside,
): (node: Node, baseName: string, message: (where: string) => string) => 'keep' | undefined {
  return (node, baseName, message) => {
    if (!inCall || node.type === 'Identifier') {
      todo(message(`\`${inCall ? text(j, node) : text(j, original)}\``))
      return
    }
    if (
      aside(
        [node],
        () => node,
        baseName,
        (name) => message(`kept here as \`${name}\``),
      )
    )
      return
    todo(message('this call'))
    return 'keep'
  }
}

/**
 * Rule 19: the first argument of vikeNode() is the entry (string, `.entry` or `.entry.index`). `original` is the
 * argument as written; `arg` the object it names (a `const` is followed). What cannot be carried over is set aside
 * as code (or the call is kept): never quoted into a one-line TODO, where a multi-line value would be lost.
 */
function readVikeNodeArgument(
  j: API['jscodeshift'],
  ctx: MigrateContext,
  original: Node | null,
  arg: Node | null,
  todo: (message: string) => void,
  aside: SetAside,
): 'keep' | undefined {
  ctx.sources.add('vike-node')
  if (!arg || !original) return
  if (isStringLiteral(arg)) {
    ctx.serverEntry = stringValue(arg)
    return
  }
  // Code inside the call goes with it; code the call names (a `const`) stays in the file anyway.
  const inCall = unwrap(original) === arg
  const setAside = argumentSetAside(j, original, inCall, todo, aside)
  if (arg.type !== 'ObjectExpression') {
    return setAside(
      arg,
      'vikeNodeOptions',
      (where) => `vikeNode()'s argument (${where}) was removed: set \`photon.server\` in +config to your server entry`,
    )
  }
  const obj = arg as ObjectExpression
  const entry = getProp(obj, 'entry')
  const entryValue = entry ? unwrap(entry.value as Node) : null
  let keep: 'keep' | undefined
  if (entryValue && isStringLiteral(entryValue)) ctx.serverEntry = stringValue(entryValue)
  else if (entryValue?.type === 'ObjectExpression') {
    const index = getProp(entryValue as ObjectExpression, 'index')
    if (index && isStringLiteral(index.value as Node)) ctx.serverEntry = stringValue(index.value as Node)
    const others = (entryValue as ObjectExpression).properties.filter((p) => p !== index)
    if (others.length > 0) {
      const keys = others.map((p) => keyName(p) ?? 'a spread').join(', ')
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
      const detail = `${keys}${target ? `; ${target}` : ''}`
      if (!inCall) {
        todo(
          `vikeNode() had more entries than \`index\` (${detail}), in \`${text(j, original)}\`: add them to \`photon.entries\` in +config, or drop them`,
        )
      } else if (
        !aside(
          others,
          () => j.objectExpression(others as never),
          'vikeNodeEntries',
          (name) =>
            `vikeNode() had more entries than \`index\` (${detail}), kept here as \`${name}\`: add them to \`photon.entries\` in +config, or drop them`,
        )
      ) {
        todo(
          `vikeNode() had more entries than \`index\` (${detail}): add them to \`photon.entries\` in +config, or drop them`,
        )
        keep = 'keep'
      }
    }
  } else if (entryValue) {
    keep = setAside(
      entryValue,
      'vikeNodeEntry',
      (where) => `vikeNode()'s \`entry\` (${where}) was removed: set \`photon.server\` in +config to that entry`,
    )
  }
  readVikeNodeStandalone(j, ctx, obj, todo)
  return keep
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

/** Rule 20: pages({ server: { kind, entry } }). `original` and `arg` as for vikeNode(). */
function readPagesArgument(
  j: API['jscodeshift'],
  ctx: MigrateContext,
  original: Node | null,
  arg: Node | null,
  todo: (message: string) => void,
  aside: SetAside,
): 'keep' | undefined {
  ctx.sources.add('vike-cloudflare-pages')
  if (!arg || !original) return
  const inCall = unwrap(original) === arg
  const setAside = argumentSetAside(j, original, inCall, todo, aside)
  if (arg.type !== 'ObjectExpression') {
    return setAside(
      arg,
      'pagesOptions',
      (where) =>
        `pages()'s options (${where}) were removed: set \`photon.server\` in +config to the server entry they name, if any`,
    )
  }
  const server = getProp(arg as ObjectExpression, 'server')
  const serverValue = server ? unwrap(server.value as Node) : null
  if (serverValue?.type !== 'ObjectExpression') return
  const entry = getProp(serverValue as ObjectExpression, 'entry')
  let keep: 'keep' | undefined
  if (entry && isStringLiteral(entry.value as Node)) ctx.serverEntry = stringValue(entry.value as Node)
  else if (entry) {
    keep = setAside(
      unwrap(entry.value as Node),
      'pagesServerEntry',
      (where) => `pages()'s \`server.entry\` (${where}) was removed: set \`photon.server\` in +config to that entry`,
    )
  }
  const kind = getProp(serverValue as ObjectExpression, 'kind')
  const kindValue = kind && isStringLiteral(kind.value as Node) ? stringValue(kind.value as Node) : null
  if (kindValue === 'hono') ctx.frameworks.add('hono')
  else if (kindValue === 'hattip') {
    ctx.frameworks.add('hattip')
    todo(
      'the server kind was `hattip`, but @photonjs/cloudflare supports hono/h3/srvx only: port the server entry to Hono',
    )
  }
  return keep
}

/**
 * Rule 22: the top-level `vercel` key. What vike-photon has a setting for is carried over and taken out of the
 * object (`expiration`, the `ssr_` endpoint); `rest` is what is left of the user's value (null when nothing is),
 * and `todo` says where each part goes (null when nothing is lost).
 */
function readVercelOptions(
  j: API['jscodeshift'],
  ctx: MigrateContext,
  value: Node,
): { todo: string | null; rest: Node | null } {
  const obj = unwrap(value)
  if (obj.type !== 'ObjectExpression') {
    return {
      todo: 'the `vercel` Vite option was removed: vike-photon configures Vercel itself; move what you need to vercel.json',
      rest: obj,
    }
  }
  const props = (obj as ObjectExpression).properties
  if (props.length === 0) return { todo: null, rest: null }
  const notes: string[] = []
  for (const prop of [...props]) {
    const name = prop.type === 'ObjectProperty' || prop.type === 'Property' ? keyName(prop) : null
    const v = prop.type === 'ObjectProperty' || prop.type === 'Property' ? unwrap(prop.value as Node) : null
    if (name === 'expiration' && v?.type === 'NumericLiteral') {
      ctx.vercelExpiration = (v as unknown as { value: number }).value
      notes.push('`expiration` goes into the per-page `isr: { expiration }` setting')
      removeProp(obj as ObjectExpression, prop)
    } else if (name === 'additionalEndpoints' && v?.type === 'ArrayExpression') {
      const endpoints = v as ArrayExpression
      for (const el of [...endpoints.elements]) {
        const e = el && unwrap(el as Node)
        if (e?.type !== 'ObjectExpression') {
          notes.push('`additionalEndpoints` entries go into `photon.entries`')
          continue
        }
        const dest = getProp(e as ObjectExpression, 'destination')
        const source = getProp(e as ObjectExpression, 'source')
        const sourceText = source && isStringLiteral(source.value as Node) ? text(j, source.value as Node) : null
        if (dest && isStringLiteral(dest.value as Node) && stringValue(dest.value as Node) === 'ssr_' && sourceText) {
          ctx.serverEntry = stringValue(source!.value as Node)
          notes.push(`the \`ssr_\` endpoint ${sourceText} is now \`photon.server\``)
          removeElement(endpoints, el as Node)
        } else if (dest && isStringLiteral(dest.value as Node) && stringValue(dest.value as Node) === 'ssr_') {
          notes.push("set `photon.server` in +config to the `ssr_` endpoint's source")
        } else {
          notes.push(
            `endpoint ${sourceText ?? ''} goes into \`photon.entries\` (see getEntriesFromFs from @photonjs/vercel/utils)`.replace(
              '  ',
              ' ',
            ),
          )
        }
      }
      if (liveElements(endpoints).length === 0) removeProp(obj as ObjectExpression, prop)
    } else if (name) {
      notes.push(`\`${name}\` has no vike-photon setting (use vercel.json or a plugin with getVercelAPI)`)
    } else {
      notes.push('spread options have no vike-photon setting (use vercel.json or a plugin with getVercelAPI)')
    }
  }
  const rest = liveProps(obj as ObjectExpression).length > 0 ? obj : null
  return { todo: `the \`vercel\` Vite option was removed: ${[...new Set(notes)].join('; ')}`, rest }
}

function keyName(prop: Node): string | null {
  const key = (prop as unknown as { key: Node }).key
  if (key.type === 'Identifier') return (key as unknown as { name: string }).name
  if (key.type === 'StringLiteral') return (key as unknown as { value: string }).value
  return null
}

/**
 * Keeps user code that the migration takes out of vite.config (a removed plugin call's extra entries or options,
 * what the `vercel` key held beyond vike-photon's settings) as a `const` above the statement it was in, under a
 * TODO: the code stays code, intact, at that line. An arrow function's expression body
 * (`defineConfig(({ mode }) => ({ ... }))`) becomes a block, so the `const` still sees the function's parameters.
 * Null (nothing done) when the code is not inside `at`, or uses a name bound between that statement and the code
 * or declared further down: the caller then leaves it where it is.
 */
function keepAside(
  j: API['jscodeshift'],
  root: ReturnType<API['jscodeshift']>,
  at: ASTPath,
  parts: Node[],
  build: () => Node,
  baseName: string,
  message: (name: string) => string,
): string | null {
  const inside = new Set(
    j(at)
      .find(j.Node)
      .nodes()
      .concat(at.node as never),
  )
  if (!parts.every((p) => inside.has(p as never))) return null
  // Where the `const` can go: above the statement (in a block or the program) holding the code, else in the
  // innermost arrow function with an expression body, whose parameters the code uses.
  let cur: ASTPath = at
  const arrows: (Node & { body: Node })[] = []
  for (;;) {
    const parent = cur.parent as ASTPath | null
    if (!parent) return null
    const parentNode = parent.node as Node & { body?: Node }
    if (parentNode.type === 'Program' || parentNode.type === 'BlockStatement') break
    // Only a config function's `=> ({ ... })`: an arrow returning the plugin call itself keeps the call.
    if (
      parentNode.type === 'ArrowFunctionExpression' &&
      parentNode.body === cur.node &&
      cur.node.type === 'ObjectExpression'
    ) {
      arrows.push(parentNode as Node & { body: Node })
    }
    cur = parent
  }
  const used = freeNames(j, parts)
  const fits = (scope: Node) => ![...used].some((name) => bindingNames(j, scope, parts).has(name))
  const body = (cur.parent!.node as unknown as { body: Node[] }).body
  const later = body.slice(body.indexOf(cur.node as Node) + 1)
  const declaredLater = later.some(
    (stmt) => stmt.type !== 'FunctionDeclaration' && [...declaredNames(j, stmt)].some((n) => used.has(n)),
  )
  const arrow = !declaredLater && fits(cur.node as Node) ? null : arrows.find((a) => fits(a.body))
  if (arrow === undefined) return null
  let name = baseName
  for (let i = 2; root.find(j.Identifier, { name }).size() > 0; i++) name = `${baseName}${i}`
  const decl = j.variableDeclaration('const', [j.variableDeclarator(j.identifier(name), build() as never)])
  addTodo(j, decl, message(name))
  if (arrow) {
    // `=> ({ ... })` becomes `=> { const ...; return { ... } }`: the parentheses are no longer needed.
    const returned = arrow.body as Node & { extra?: { parenthesized?: boolean } }
    if (returned.extra) returned.extra.parenthesized = false
    arrow.body = j.blockStatement([decl, j.returnStatement(returned as never)]) as never
  } else cur.insertBefore(decl)
  return name
}

/** Names the code reads (not object keys or member names), less those it binds itself. */
function freeNames(j: API['jscodeshift'], parts: Node[]): Set<string> {
  const names = new Set<string>()
  for (const part of parts) {
    const own = bindingNames(j, part, [])
    const reads = j(part as never)
      .find(j.Identifier)
      .filter((i) => {
        const parent = i.parent?.node as Node & { key?: unknown; property?: unknown; computed?: boolean }
        if ((parent.type === 'ObjectProperty' || parent.type === 'Property') && parent.key === i.node)
          return Boolean(parent.computed)
        if (parent.type === 'MemberExpression' && parent.property === i.node) return Boolean(parent.computed)
        return true
      })
      .nodes()
    if (part.type === 'Identifier') reads.push(part as never)
    for (const id of reads) if (!own.has(id.name)) names.add(id.name)
  }
  return names
}

/** Names bound inside `node` (variables, parameters, functions, classes, catch clauses), outside `except`. */
function bindingNames(j: API['jscodeshift'], node: Node, except: Node[]): Set<string> {
  const names = new Set<string>()
  const outside = (path: ASTPath<unknown>) => {
    for (let p = path as ASTPath | null; p; p = p.parent as ASTPath | null)
      if (except.includes(p.node as Node)) return false
    return true
  }
  const addPattern = (pattern: Node | null | undefined) => {
    if (!pattern) return
    if (pattern.type === 'Identifier') names.add((pattern as unknown as { name: string }).name)
    for (const id of j(pattern as never)
      .find(j.Identifier)
      .nodes())
      names.add(id.name)
  }
  const scope = j(node as never)
  scope
    .find(j.VariableDeclarator)
    .filter(outside)
    .forEach((p) => {
      addPattern(p.node.id as Node)
    })
  scope
    .find(j.Function)
    .filter(outside)
    .forEach((p) => {
      addPattern(p.node.id as Node)
      for (const param of p.node.params) addPattern(param as Node)
    })
  scope
    .find(j.ClassDeclaration)
    .filter(outside)
    .forEach((p) => {
      addPattern(p.node.id as Node)
    })
  scope
    .find(j.CatchClause)
    .filter(outside)
    .forEach((p) => {
      addPattern(p.node.param as Node)
    })
  return names
}

/** Names a top-level statement declares (`const`/`let`/`var`, classes, exported ones too). */
function declaredNames(j: API['jscodeshift'], stmt: Node): Set<string> {
  const names = new Set<string>()
  const decl = (stmt as unknown as { declaration?: Node }).declaration ?? stmt
  if (decl.type === 'VariableDeclaration') {
    for (const d of (decl as unknown as { declarations: Node[] }).declarations) {
      const id = (d as unknown as { id: Node }).id
      if (id.type === 'Identifier') names.add((id as unknown as { name: string }).name)
      for (const i of j(id as never)
        .find(j.Identifier)
        .nodes())
        names.add(i.name)
    }
  } else if (decl.type === 'ClassDeclaration') {
    const id = (decl as unknown as { id?: { name: string } }).id
    if (id) names.add(id.name)
  }
  return names
}
