import { posix } from 'node:path'
import type {
  API,
  ArrayExpression,
  ASTPath,
  Collection,
  FileInfo,
  Identifier,
  ImportDeclaration,
  JSCodeshift,
  Node,
  ObjectExpression,
} from 'jscodeshift'
import { contextOf, type MigrateContext, type SourceId, type TransformOptions } from '../context.js'
import {
  addTodo,
  defaultLocal,
  findConfigObjects,
  getProp,
  importsFrom,
  liveElements,
  type Prop,
  parsedText,
  parseExpression,
  parserFor,
  propName,
  references,
  removeElement,
  removeProp,
  removeStatementKeepComments,
  statementOf,
  text,
  unwrap,
} from '../lib/ast.js'
import { literalValue, NOT_LITERAL, photonSettingProblems } from '../lib/photon-setting.js'
import { print } from '../lib/print.js'

/** Config modules of legacy Vike extensions, and the source each one means. */
export const legacyConfigModules: Record<string, SourceId> = {
  'vike-server/config': 'vike-server',
  'vike-cloudflare/config': 'vike-cloudflare',
  '@vite-plugin-vercel/vike/config': 'vite-plugin-vercel',
  'vike-vercel/config': 'vike-vercel',
}

/** Legacy extensions whose config has the vike-server `server` setting. */
const serverSettingSources = new Set<SourceId>(['vike-server', 'vike-cloudflare'])

const legacyReference =
  /(\/\/\/\s*<reference\s+types=["'])(?:vike-server|vike-cloudflare|@vite-plugin-vercel\/vike|vike-vercel)\/config(["'])/g

/**
 * `+config` files: swaps legacy extensions for vike-photon (rules 11, 14, 16), moves the `server`
 * setting into `photon` (rules 12, 13), and rewrites Vercel settings (rules 17, 18).
 */
export default function plusConfig(file: FileInfo, api: API, options: TransformOptions): string {
  const j = api.jscodeshift.withParser(parserFor(file.path))
  const ctx = contextOf(options)
  const source = file.source.replace(legacyReference, '$1vike-photon/config$2') // rule 14
  const root = j(source)

  const configs = findConfigObjects(j, root)
  const legacyDecls = importsFrom(j, root, (s) => s in legacyConfigModules)
  /** Local name of each legacy extension → the source it belongs to. */
  const legacyLocals = new Map<string, SourceId>()
  const fileSources = new Set<SourceId>()
  for (const decl of legacyDecls) {
    const src = legacyConfigModules[decl.node.source.value as string]!
    fileSources.add(src)
    ctx.sources.add(src)
    const local = defaultLocal(decl.node)
    if (local) legacyLocals.set(local, src)
  }
  const vercel = ctx.sources.has('vite-plugin-vercel') || ctx.sources.has('vike-vercel')

  if (configs.length === 0) {
    // An unrecognised shape: leave the imports alone (the config still uses them) and say what to do.
    if (legacyDecls[0]) {
      addTodo(
        j,
        legacyDecls[0].node,
        'replace this extension with `vikePhoton` from vike-photon/config, and move the `server` setting to `photon: { server }` (vike-photon migrate did not recognise the shape of this config)',
      )
    }
    return print(root, source)
  }

  // Rule 11 (and 16 for the root config of a vike-node / vike-cloudflare 0.1 / Vercel app).
  const photonDecl = importsFrom(j, root, (s) => s === 'vike-photon/config')[0]
  let photon = photonDecl ? defaultLocal(photonDecl.node) : null
  const isMain = legacyDecls.length > 0 || (options.rootConfig === true && ctx.sources.size > 0)
  if (isMain && !photon) {
    photon = 'vikePhoton'
    const decl = j.importDeclaration(
      [j.importDefaultSpecifier(j.identifier(photon))],
      j.stringLiteral('vike-photon/config'),
    )
    if (legacyDecls[0]) {
      decl.comments = (legacyDecls[0].node as { comments?: never }).comments
      legacyDecls[0].replace(decl)
      legacyDecls.shift()
    } else insertImport(j, root, decl)
  }
  for (const decl of legacyDecls) removeStatementKeepComments(decl)

  const legacyNames = new Set(legacyLocals.keys())
  const hadLegacyPlugin = new Set(configs.filter((config) => removeLegacyPlugins(config, legacyNames)))
  if (photon) renameLegacyReferences(j, root, legacyLocals, photon)
  const movesServer = [...fileSources].some((s) => serverSettingSources.has(s))
  const parsed = parsedText(root, source)
  for (const config of configs) {
    if (photon && (isMain || legacyLocals.size > 0)) {
      rewriteExtends(j, root, config, photon, isMain || hadLegacyPlugin.has(config))
    }
    if (movesServer) dropUnservedEntry(j, ctx, config, file.path)
    if (movesServer) moveServerSetting(j, config, parsed, root)
    if (movesServer) moveConditionalServerSettings(j, config, parsed, root)
    if (isMain) addPhotonSettings(j, ctx, config)
    if (vercel) rewriteVercelSettings(j, ctx, config)
    const viteEnv = getProp(config, 'viteEnvironmentAPI')
    if (viteEnv && (fileSources.has('vike-vercel') || ctx.sources.has('vike-vercel'))) {
      addTodo(
        j,
        viteEnv,
        'vike-vercel needed `viteEnvironmentAPI: true`; vike-photon does not: remove it unless another extension needs it',
      )
    }
  }

  // Rule 18: vike-vercel's helper moved to @photonjs/vercel.
  for (const decl of importsFrom(j, root, (s) => s === 'vite-plugin-vercel/utils')) {
    decl.node.source = j.stringLiteral('@photonjs/vercel/utils')
  }

  return print(root, source)
}

function insertImport(j: JSCodeshift, root: ReturnType<JSCodeshift>, decl: ImportDeclaration): void {
  const imports = root.find(j.ImportDeclaration)
  if (imports.size() > 0) imports.at(imports.size() - 1).insertAfter(decl)
  else root.find(j.Program).get('body', 0).insertBefore(decl)
}

function isIdentifier(node: Node | null | undefined, names?: Set<string> | string): node is Identifier {
  if (node?.type !== 'Identifier') return false
  if (names === undefined) return true
  const name = (node as Identifier).name
  return typeof names === 'string' ? name === names : names.has(name)
}

/** The buggy `plugins: [vikeCloudflare]` (vike.dev once showed it): the extension goes to `extends`. */
function removeLegacyPlugins(config: ObjectExpression, legacy: Set<string>): boolean {
  const plugins = getProp(config, 'plugins')
  if (!plugins || unwrap(plugins.value as Node).type !== 'ArrayExpression') return false
  const arr = unwrap(plugins.value as Node) as ArrayExpression
  const found = arr.elements.filter((e) => isIdentifier(e as Node, legacy))
  for (const e of found) removeElement(arr, e as Node)
  if (found.length > 0 && liveElements(arr).length === 0) removeProp(config, plugins)
  return found.length > 0
}

/**
 * Class 2.8: every reference to a legacy extension becomes vike-photon in place, wherever it sits
 * (`extends: cond ? [vikeServer] : []`, `[...(process.env.X ? [vikeServer] : [])]`, a variable), so
 * its condition keeps its meaning. A condition that only chose between legacy extensions (both
 * branches now the same) is dropped; when it chose between two deploy targets, a TODO says so.
 */
function renameLegacyReferences(j: JSCodeshift, root: Collection, legacy: Map<string, SourceId>, photon: string): void {
  const found: { path: ASTPath<Identifier>; source: SourceId }[] = []
  for (const [name, source] of legacy) {
    if (name === photon) continue
    for (const path of references(j, root, name)) found.push({ path, source })
  }
  for (const { path } of found) path.node.name = photon

  const collapsed = new Set<Node>()
  for (const { path, source } of found) {
    if (collapsed.size > 0 && !root.find(j.Identifier).nodes().includes(path.node)) continue // went with a dropped condition
    let p: ASTPath | null = path
    let understood = false
    while (p?.parent) {
      const parent = p.parent.node as Node
      if (parent.type === 'ConditionalExpression') {
        const c = parent as unknown as { test: Node; consequent: Node; alternate: Node }
        if (c.test === p.node) break
        if (!collapsed.has(parent) && text(j, c.consequent) === text(j, c.alternate)) {
          collapsed.add(parent)
          const sources = new Set(found.filter((f) => hasAncestor(f.path, parent)).map((f) => f.source))
          const conditional: ASTPath = p.parent
          const replaced = (conditional.replace(c.consequent) as ASTPath[] | undefined)?.[0] ?? conditional
          p = replaced
          const at = statementOf(replaced)
          if (sources.size > 1) {
            addTodo(
              j,
              at.node,
              `this condition (\`${text(j, c.test)}\`) chose between ${[...sources].join(' and ')}; vike-photon replaces both and picks the deploy target from the @photonjs/* package installed (@photonjs/cloudflare, @photonjs/vercel, or none for Node): keep one target per app, or switch the package per deployment`,
            )
          }
          continue
        }
        p = p.parent
        continue
      }
      if (
        /^(ArrayExpression|SpreadElement|LogicalExpression|ParenthesizedExpression|TS\w+Expression)$/.test(parent.type)
      ) {
        p = p.parent
        continue
      }
      understood =
        ((parent.type === 'ObjectProperty' || parent.type === 'Property') && (parent as Prop).value === p.node) ||
        parent.type === 'VariableDeclarator' ||
        parent.type === 'ExportDefaultDeclaration'
      break
    }
    if (!understood && path.parent) {
      addTodo(
        j,
        statementOf(path).node,
        `\`${photon}\` (vike-photon/config) replaced ${source}'s extension here: check that this use still makes sense`,
      )
    }
  }
}

function hasAncestor(path: ASTPath, node: Node): boolean {
  for (let p = path.parent as ASTPath | null; p; p = p.parent) if (p.node === node) return true
  return false
}

/**
 * `extends` gets vike-photon once (rule 11): legacy extensions were renamed in place; duplicates go;
 * `extends: config` becomes `[vikePhoton]`; when the file does not extend it yet, it is added.
 */
function rewriteExtends(
  j: JSCodeshift,
  root: Collection,
  config: ObjectExpression,
  photon: string,
  mustExtend: boolean,
): void {
  const ext = getProp(config, 'extends')
  const referenced = references(j, root, photon).length > 0
  if (!ext) {
    if (!mustExtend || referenced) return
    config.properties.unshift(j.objectProperty(j.identifier('extends'), j.arrayExpression([j.identifier(photon)])))
    return
  }
  const value = unwrap(ext.value as Node)
  if (value.type === 'ArrayExpression') {
    const arr = value as ArrayExpression
    const plain = arr.elements.filter((e) => isIdentifier(e as Node, photon))
    for (const e of plain.slice(1)) removeElement(arr, e as Node)
    if (!referenced) arr.elements.push(j.identifier(photon))
  } else if (isIdentifier(value, photon)) {
    ext.value = j.arrayExpression([j.identifier(photon)])
  } else if (!referenced) {
    ext.value = j.arrayExpression([ext.value as never, j.identifier(photon)])
  }
}

/** The `photon` object of a config, created at `at` (default: last) when missing; null when not an object literal. */
function photonObject(j: JSCodeshift, config: ObjectExpression, at?: number): ObjectExpression | null {
  const existing = getProp(config, 'photon')
  if (existing) {
    const v = unwrap(existing.value as Node)
    if (v.type === 'ObjectExpression') return v as ObjectExpression
    addTodo(
      j,
      existing,
      '`photon` is not an object literal: merge the settings vike-photon migrate could not add by hand',
    )
    return null
  }
  const obj = j.objectExpression([])
  config.properties.splice(at ?? config.properties.length, 0, j.objectProperty(j.identifier('photon'), obj))
  return obj
}

/**
 * `server: '<file>'` naming an entry the target cannot run (a HatTip entry on Cloudflare, recorded by server-entry)
 * is not carried into `photon.server`: vike-photon serves the pages by itself. A TODO keeps the old value.
 */
function dropUnservedEntry(j: JSCodeshift, ctx: MigrateContext, config: ObjectExpression, configFile: string): void {
  const server = getProp(config, 'server')
  const value = server ? unwrap(server.value as Node) : null
  if (!server || !value || (value.type !== 'StringLiteral' && value.type !== 'Literal')) return
  const entry = (value as unknown as { value: unknown }).value
  if (typeof entry !== 'string') return
  const clean = (p: string) => posix.normalize(p.replace(/\\/g, '/')).replace(/^\.?\//, '')
  const fromConfig = clean(posix.join(posix.dirname(configFile.replace(/\\/g, '/')), entry))
  if (!ctx.unservedEntries.has(clean(entry)) && !ctx.unservedEntries.has(fromConfig)) return
  const index = config.properties.indexOf(server as never)
  const anchor = config.properties[index + 1] ?? config.properties[index - 1]
  if (!anchor) return
  config.properties.splice(index, 1)
  const comments = (server as { comments?: unknown[] }).comments ?? []
  const anchorNode = anchor as { comments?: unknown[] }
  anchorNode.comments = [...comments, ...(anchorNode.comments ?? [])]
  addTodo(
    j,
    anchor,
    `was \`server: ${text(j, server.value as Node)}\`: vike-photon on Cloudflare cannot run that entry's framework (see the TODO in it), so it serves the pages without it`,
  )
}

/**
 * The entries of `server.entry` other than `index`, kept intact as a `const` just above the statement that holds the
 * config (where every name they may use is in scope). Returns the const's name, or null when there is no statement.
 */
function keepEntriesAside(
  j: JSCodeshift,
  root: Collection,
  config: ObjectExpression,
  entries: ObjectExpression['properties'],
  keys: string,
): string | null {
  let stmt: ASTPath | null | undefined = root
    .find(j.ObjectExpression)
    .filter((p) => p.node === config)
    .paths()[0]
  while (stmt?.parent && !['Program', 'BlockStatement'].includes((stmt.parent.node as Node).type)) stmt = stmt.parent
  if (!stmt?.parent) return null
  let name = 'serverEntries'
  for (let i = 2; root.find(j.Identifier, { name }).size() > 0; i++) name = `serverEntries${i}`
  const decl = j.variableDeclaration('const', [
    j.variableDeclarator(j.identifier(name), j.objectExpression(entries as never)),
  ])
  addTodo(
    j,
    decl,
    `\`server.entry\` had more entries than \`index\` (${keys}), kept here as \`${name}\`: add them to \`photon.entries\`, or drop them`,
  )
  stmt.insertBefore(decl)
  return name
}

/** Rules 12, 13: `server: <expr>` → `photon: { server: <expr> }`, long form unpacked. */
function moveServerSetting(j: JSCodeshift, config: ObjectExpression, source: string, root: Collection): void {
  const server = getProp(config, 'server')
  if (!server) return
  const index = config.properties.indexOf(server as never)
  const comments = (server as { comments?: unknown[] }).comments
  const hadPhoton = Boolean(getProp(config, 'photon'))
  const value = unwrap(server.value as Node)
  const longForm = value.type === 'ObjectExpression' ? (value as ObjectExpression) : null
  if (!hadPhoton && !longForm && onOneLine(config, source)) {
    // `{ extends: [x], server: 'a' }` stays on one line: `{ extends: [x], photon: { server: 'a' } }`.
    const prop = parseProperty(j, `photon: { server: ${text(j, server.value as Node)} }`)
    ;(prop as { comments?: unknown }).comments = comments
    config.properties[index] = prop as never
    return
  }
  const layout = !hadPhoton && !longForm ? multiLineLayout(config, server, source) : null
  if (layout) {
    // Written out so the value keeps its text and a trailing comment stays on the `server` line.
    const { unit, comma, trailing } = layout
    const inner = `server: ${text(j, server.value as Node)}${comma ? ',' : ''}${trailing ? ` //${trailing}` : ''}`
    const prop = parseProperty(j, `photon: {\n${unit}${inner}\n}`) // recast indents it where it goes
    ;(prop as { comments?: unknown }).comments = (comments as { trailing?: boolean }[] | undefined)?.filter(
      (c) => !c.trailing,
    )
    config.properties[index] = prop as never
    return
  }
  // A new `photon` takes the place of `server` (only that property is reprinted); into an existing one, `server` moves.
  if (hadPhoton) removeProp(config, server)
  else config.properties.splice(index, 1)
  const target = photonObject(j, config, index)
  if (!target) return
  if (!hadPhoton && comments) (getProp(config, 'photon') as { comments?: unknown }).comments = comments

  if (!longForm || !getProp(longForm, 'entry')) {
    setIfMissing(
      target,
      j.objectProperty(j.identifier('server'), server.value as never),
      hadPhoton ? comments : undefined,
    )
    return
  }
  for (const prop of longForm.properties) {
    const name = propName(prop)
    if (name === 'entry') {
      const entry = unwrap((prop as Prop).value as Node)
      if (entry.type === 'ObjectExpression') {
        const entryObj = entry as ObjectExpression
        const indexProp = getProp(entryObj, 'index')
        const others = entryObj.properties.filter((p) => p !== indexProp)
        const serverProp = j.objectProperty(
          j.identifier('server'),
          indexProp ? (indexProp.value as never) : j.stringLiteral('server/index.ts'),
        )
        setIfMissing(target, serverProp)
        const keys = others.map((p) => propName(p) ?? text(j, p)).join(', ')
        const kept = others.length > 0 && keepEntriesAside(j, root, config, others, keys)
        addTodo(
          j,
          serverProp,
          kept
            ? `the server had several entries; only \`index\` was kept here, the others are in \`${kept}\` above`
            : `the server had several entries; only \`index\` was kept. Add the others to \`photon.entries\` or drop them: ${others.map((p) => text(j, p)).join(', ')}`,
        )
      } else setIfMissing(target, j.objectProperty(j.identifier('server'), (prop as Prop).value as never))
      continue
    }
    if (name === 'standalone') {
      const v = unwrap((prop as Prop).value as Node)
      if (v.type === 'ObjectExpression' && getProp(v as ObjectExpression, 'esbuild')) {
        // vike-photon refuses esbuild options ("Invalid `photon` setting"): the build keeps working with the
        // defaults, and the options stay in the TODO.
        const original = text(j, v).replace(/\s+/g, ' ')
        const standalone = j.objectProperty(j.identifier('standalone'), j.booleanLiteral(true))
        setIfMissing(target, standalone)
        addTodo(
          j,
          standalone,
          `was \`standalone: ${original}\`: vike-photon's standalone build takes \`{ bundle, minify, trace, external }\`, not esbuild options`,
        )
        continue
      }
    }
    setIfMissing(target, prop as Prop)
  }
}

/**
 * Class 2.8: a `server` setting inside a conditional spread (`...(isNode ? { server: 'x' } : {})`)
 * moves to `photon` inside that object, so the condition still applies.
 */
function moveConditionalServerSettings(
  j: JSCodeshift,
  config: ObjectExpression,
  source: string,
  root: Collection,
): void {
  for (const prop of config.properties) {
    if (prop.type !== 'SpreadElement') continue
    const objects: ObjectExpression[] = []
    const collect = (node: Node): void => {
      const n = unwrap(node)
      if (n.type === 'ObjectExpression') objects.push(n as ObjectExpression)
      else if (n.type === 'ConditionalExpression') {
        collect((n as unknown as { consequent: Node }).consequent)
        collect((n as unknown as { alternate: Node }).alternate)
      } else if (n.type === 'LogicalExpression') collect((n as unknown as { right: Node }).right)
    }
    collect(prop.argument as Node)
    const moved = objects.filter((obj) => getProp(obj, 'server'))
    for (const obj of moved) moveServerSetting(j, obj, source, root)
    if (moved.length > 0 && getProp(config, 'photon')) {
      addTodo(
        j,
        prop,
        'this spread sets `photon`, which replaces the whole `photon` object of this config: merge the two by hand',
      )
    }
  }
}

type Offsets = { start?: number; end?: number }

/** The source text of an original node (by its parse offsets; recast drops `loc` on some nodes). */
function sourceOf(node: Node, source: string): string | null {
  const { start, end } = node as Offsets
  return typeof start === 'number' && typeof end === 'number' ? source.slice(start, end) : null
}

function onOneLine(node: Node, source: string): boolean {
  const own = sourceOf(node, source)
  return own !== null && !own.includes('\n')
}

/** Leading whitespace of the line that holds `offset`. */
function indentAt(source: string, offset: number): string {
  const lineStart = source.lastIndexOf('\n', offset - 1) + 1
  return /^[ \t]*/.exec(source.slice(lineStart))![0]
}

/** How a multi-line config object lays out its properties, read from the `server` property's source. */
function multiLineLayout(
  config: ObjectExpression,
  server: Prop,
  source: string,
): { unit: string; comma: boolean; trailing: string | null } | null {
  const own = sourceOf(config, source)
  const { start, end } = server as Offsets
  if (own === null || !own.includes('\n') || typeof start !== 'number' || typeof end !== 'number') return null
  const inner = indentAt(source, start)
  const outer = indentAt(source, (config as Offsets).end! - 1)
  if (source.slice(source.lastIndexOf('\n', start - 1) + 1, start).trim() !== '') return null // not first on its line
  if (!inner.startsWith(outer) || inner.length === outer.length) return null
  const comments = (server as { comments?: ({ type: string; value: string; trailing?: boolean } & Offsets)[] }).comments
  const sameLine =
    comments?.filter((c) => c.trailing && typeof c.start === 'number' && !source.slice(end, c.start).includes('\n')) ??
    []
  if (sameLine.some((c) => c.type !== 'CommentLine') || sameLine.length > 1) return null
  return {
    unit: inner.slice(outer.length),
    comma: /,[ \t]*(\/\/[^\n]*)?\r?\n\s*\}$/.test(own),
    trailing: sameLine[0]?.value ?? null,
  }
}

/** A property parsed from source text: recast prints it as written (a built one is always multi-line). */
function parseProperty(j: JSCodeshift, source: string): Prop {
  const obj = j(`({ ${source} })`).find(j.ObjectExpression).nodes()[0]!
  return obj.properties[0] as Prop
}

function setIfMissing(target: ObjectExpression, prop: Prop, comments?: unknown[]): void {
  const name = propName(prop)
  if (name && getProp(target, name)) return
  if (comments) (prop as { comments?: unknown }).comments = comments
  target.properties.push(prop as never)
}

/** Rule 16 and 27: the server entry and `compress`/`static` found in other files. */
function addPhotonSettings(j: JSCodeshift, ctx: MigrateContext, config: ObjectExpression): void {
  const pending: [string, string, string | undefined][] = []
  const existing = getProp(config, 'photon')
  const existingObj = existing && unwrap(existing.value as Node).type === 'ObjectExpression'
  const has = (name: string) =>
    Boolean(existingObj && getProp(unwrap(existing!.value as Node) as ObjectExpression, name))
  if (ctx.serverEntry && !has('server')) pending.push(['server', '', undefined])
  for (const [name, setting] of ctx.photonSettings) if (!has(name)) pending.push([name, setting.value, setting.todo])
  if (pending.length === 0) return
  const target = photonObject(j, config)
  if (!target) return
  for (const [name, value, todo] of pending) {
    const expression =
      name === 'server' && ctx.serverEntry ? j.stringLiteral(ctx.serverEntry) : (parseExpression(j, value) as never)
    // Written only if vike-photon's own resolver accepts it: a refused value would fail every build.
    const literal = literalValue(expression as never)
    const problems = literal === NOT_LITERAL ? [] : photonSettingProblems({ [name]: literal })
    if (problems.length > 0) {
      addTodo(
        j,
        getProp(config, 'photon')!,
        `\`${name}: ${value.replace(/\s+/g, ' ')}\` (from the server entry) was not carried over: ${problems.join(' ')}`,
      )
      continue
    }
    const prop = j.objectProperty(j.identifier(name), expression)
    target.properties.push(prop)
    if (todo) addTodo(j, prop, todo)
  }
}

/** Rule 17: per-page Vercel settings. */
function rewriteVercelSettings(j: JSCodeshift, ctx: MigrateContext, config: ObjectExpression): void {
  const headers = getProp(config, 'headers')
  if (headers && !getProp(config, 'headersResponse')) headers.key = j.identifier('headersResponse')
  const isr = getProp(config, 'isr')
  const isrValue = isr ? unwrap(isr.value as Node) : null
  if (isr && isrValue?.type === 'BooleanLiteral') {
    const on = (isrValue as unknown as { value: boolean }).value
    if (on && ctx.vercelExpiration !== undefined && ctx.vercelExpiration > 0) {
      isr.value = j.objectExpression([
        j.objectProperty(j.identifier('expiration'), j.numericLiteral(ctx.vercelExpiration)),
      ])
    } else {
      addTodo(
        j,
        isr,
        on
          ? '`isr: true` used `vercel.expiration`; vike-photon needs `isr: { expiration: <seconds> }`'
          : '`isr: false` is not accepted by vike-photon (it needs `{ expiration }`): remove it, ISR is off unless set',
      )
    }
  }
}
