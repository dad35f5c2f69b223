import type { API, FileInfo, Identifier, ImportDeclaration, JSCodeshift, Node, ObjectExpression } from 'jscodeshift'
import { contextOf, type MigrateContext, type SourceId, type TransformOptions } from '../context.js'
import {
  addTodo,
  defaultLocal,
  findConfigObjects,
  getProp,
  importsFrom,
  type Prop,
  parserFor,
  propName,
  removeProp,
  removeStatementKeepComments,
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
  const legacyLocals = new Set<string>()
  const fileSources = new Set<SourceId>()
  for (const decl of legacyDecls) {
    const src = legacyConfigModules[decl.node.source.value as string]!
    fileSources.add(src)
    ctx.sources.add(src)
    const local = defaultLocal(decl.node)
    if (local) legacyLocals.add(local)
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
    return print(root, file.source)
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

  for (const config of configs) {
    if (photon && (isMain || legacyLocals.size > 0)) rewriteExtends(j, config, legacyLocals, photon, isMain)
    if ([...fileSources].some((s) => serverSettingSources.has(s))) moveServerSetting(j, config)
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

  return print(root, file.source)
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

/** `extends: [vikeServer, x]` → `[vikePhoton, x]`; `extends: config` → `[vikePhoton]`; buggy `plugins: [vikeCloudflare]`. */
function rewriteExtends(
  j: JSCodeshift,
  config: ObjectExpression,
  legacy: Set<string>,
  photon: string,
  isMain: boolean,
): void {
  const plugins = getProp(config, 'plugins')
  let hadLegacyPlugin = false
  if (plugins && unwrap(plugins.value as Node).type === 'ArrayExpression') {
    const arr = unwrap(plugins.value as Node) as unknown as { elements: Node[] }
    const kept = arr.elements.filter((e) => !isIdentifier(e, legacy))
    hadLegacyPlugin = kept.length !== arr.elements.length
    arr.elements = kept
    if (kept.length === 0) removeProp(config, plugins)
  }

  const ext = getProp(config, 'extends')
  if (!ext) {
    if (!isMain && !hadLegacyPlugin) return
    config.properties.unshift(j.objectProperty(j.identifier('extends'), j.arrayExpression([j.identifier(photon)])))
    return
  }
  const value = unwrap(ext.value as Node)
  if (value.type === 'ArrayExpression') {
    const arr = value as unknown as { elements: Node[] }
    const elements: Node[] = []
    let hasPhoton = false
    for (const el of arr.elements) {
      if (isIdentifier(el, legacy) || isIdentifier(el, photon)) {
        if (!hasPhoton) elements.push(j.identifier(photon))
        hasPhoton = true
      } else elements.push(el)
    }
    if (!hasPhoton) elements.push(j.identifier(photon))
    if (elements.length !== arr.elements.length || elements.some((e, i) => e !== arr.elements[i]))
      arr.elements = elements
  } else if (isIdentifier(value, legacy) || isIdentifier(value, photon)) {
    ext.value = j.arrayExpression([j.identifier(photon)])
  } else {
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

/** Rules 12, 13: `server: <expr>` → `photon: { server: <expr> }`, long form unpacked. */
function moveServerSetting(j: JSCodeshift, config: ObjectExpression): void {
  const server = getProp(config, 'server')
  if (!server) return
  const index = config.properties.indexOf(server as never)
  const comments = (server as { comments?: unknown[] }).comments
  removeProp(config, server)
  const hadPhoton = Boolean(getProp(config, 'photon'))
  const target = photonObject(j, config, index)
  if (!target) return
  if (!hadPhoton && comments) (getProp(config, 'photon') as { comments?: unknown }).comments = comments

  const value = unwrap(server.value as Node)
  const longForm = value.type === 'ObjectExpression' ? (value as ObjectExpression) : null
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
        addTodo(
          j,
          serverProp,
          `the server had several entries; only \`index\` was kept. Add the others to \`photon.entries\` or drop them: ${others.map((p) => text(j, p)).join(', ')}`,
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
      name === 'server' && ctx.serverEntry ? j.stringLiteral(ctx.serverEntry) : parseExpression(j, value)
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

function parseExpression(j: JSCodeshift, source: string): never {
  const program = j(`(${source})`).find(j.ExpressionStatement).nodes()[0]
  const node = unwrap(program!.expression as Node) as { extra?: unknown }
  node.extra = undefined
  return node as never
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
