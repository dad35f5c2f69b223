import type { API, ASTPath, CallExpression, FileInfo, JSCodeshift, Node, ObjectExpression } from 'jscodeshift'
import { contextOf, type MigrateContext, type TransformOptions } from '../context.js'
import {
  addTodo,
  defaultLocal,
  getProp,
  importsFrom,
  isStringValue,
  namedLocal,
  oneLine,
  type Prop,
  parserFor,
  pruneUnusedImports,
  removeProp,
  removeStatementKeepComments,
  statementOf,
  text,
  unwrap,
} from '../lib/ast.js'
import { print } from '../lib/print.js'

/** Vite plugins vike-photon adds by itself (the deploy target from what is installed, Photon's core). */
const autoLoadedPlugins: Record<string, string> = {
  '@photonjs/core/vite': 'photon',
  '@photonjs/cloudflare/vite': 'cloudflare',
  '@photonjs/vercel/vite': 'vercel',
}

const photonTypesReference =
  /^[ \t]*\/\/\/[ \t]*<reference[ \t]+types=["']vike-photon\/photon-types["'][ \t]*\/>[ \t]*\r?\n?/gm

/**
 * Code of an app on the earlier vike-photon 0.1 that uses what this vike-photon has in another form:
 * - `vikePhoton()` from `vike-photon/plugin` and Photon's own `photon()`, `cloudflare()`, `vercel()` plugins in
 *   vite.config: removed (vike-photon is the `extends` of `+config` and loads them itself);
 * - `getMiddlewares({ compress, static })` from `vike-photon/universal-middlewares`: those two options become
 *   `photon.compress` / `photon.static` in `+config` (as upstream's deprecation said);
 * - `vike-photon/api`, the default export of `vike-photon/universal-middlewares`: a TODO (no equivalent);
 * - `vike-photon/photon-types`: removed (types of upstream's own Photon entries).
 */
export default function upstreamImports(file: FileInfo, api: API, options: TransformOptions): string {
  const j = api.jscodeshift.withParser(parserFor(file.path))
  const ctx = contextOf(options)
  const source = file.source.replace(photonTypesReference, '')
  const root = j(source)

  for (const decl of importsFrom(j, root, (s) => s === 'vike-photon/photon-types')) {
    if ((decl.node.specifiers ?? []).length === 0) removeStatementKeepComments(decl)
  }

  const pluginDecls = importsFrom(j, root, (s) => s === 'vike-photon/plugin')
  for (const decl of pluginDecls) {
    for (const local of [defaultLocal(decl.node), namedLocal(decl.node, 'vikePhoton')]) {
      if (!local) continue
      removePluginCalls(j, root, local, (call) =>
        call.arguments.length === 0
          ? null
          : `\`${oneLine(text(j, call))}\` was removed: vike-photon picks its deploy target from the installed @photonjs/cloudflare or @photonjs/vercel (none: Node); remove those packages to build for Node`,
      )
      for (const call of calls(j, root, local)) {
        addTodo(
          j,
          statementOf(call).node,
          'vike-photon/plugin is not a module of vike-photon 0.2: vike-photon is a Vike extension, `extends: [vikePhoton]` (vike-photon/config) in pages/+config',
        )
      }
    }
  }
  pruneUnusedImports(j, root, pluginDecls)

  const autoDecls = importsFrom(j, root, (s) => s in autoLoadedPlugins)
  for (const decl of autoDecls) {
    const local = namedLocal(decl.node, autoLoadedPlugins[decl.node.source.value as string]!)
    if (!local) continue
    removePluginCalls(j, root, local, (call) =>
      call.arguments.length === 0
        ? null
        : `vike-photon adds \`${local}()\` itself; pass these options through \`photon\` in +config if vike-photon has them, or remove the call: ${oneLine(text(j, call))}`,
    )
  }
  pruneUnusedImports(j, root, autoDecls)

  for (const decl of importsFrom(j, root, (s) => s === 'vike-photon/api')) {
    addTodo(
      j,
      decl.node,
      "vike-photon/api (`pageNamePrefix`, the name prefix of upstream's Photon entries for pages) has no equivalent in vike-photon 0.2: its page entries are named `vike-photon:page:<pageId>`, and only with `photonUnit`",
    )
  }

  for (const decl of importsFrom(j, root, (s) => s === 'vike-photon/universal-middlewares')) {
    if (defaultLocal(decl.node)) {
      addTodo(
        j,
        decl.node,
        "vike-photon/universal-middlewares has no default export in vike-photon 0.2: `apply(app)` of your @photonjs/<framework> adds Vike's middlewares already; remove this import and pass only your own middlewares",
      )
    }
    const local = namedLocal(decl.node, 'getMiddlewares')
    if (local) for (const call of calls(j, root, local)) moveDeprecatedOptions(j, ctx, call)
  }

  return print(root, file.source)
}

function calls(j: JSCodeshift, root: ReturnType<JSCodeshift>, local: string): ASTPath<CallExpression>[] {
  return root.find(j.CallExpression, { callee: { type: 'Identifier', name: local } }).paths()
}

/**
 * Removes `local(...)` where it is an element of an array (Vite's `plugins`); `todo` says what to tell the user
 * about a call with arguments (null: nothing). Calls elsewhere are left for the caller.
 */
function removePluginCalls(
  j: JSCodeshift,
  root: ReturnType<JSCodeshift>,
  local: string,
  todo: (call: CallExpression) => string | null,
): void {
  for (const call of calls(j, root, local)) {
    const array = call.parent?.node as Node | undefined
    if (array?.type !== 'ArrayExpression') continue
    const message = todo(call.node)
    if (message) {
      // The options are kept in the TODO's place: the array element goes, the user's text stays readable.
      addTodo(j, statementOf(call.parent as ASTPath).node, message)
    }
    const elements = (array as unknown as { elements: Node[] }).elements
    elements.splice(elements.indexOf(call.node), 1)
  }
}

/** `getMiddlewares({ compress, static })`: upstream deprecated both for `photon.compress` / `photon.static`. */
function moveDeprecatedOptions(j: JSCodeshift, ctx: MigrateContext, call: ASTPath<CallExpression>): void {
  const arg = call.node.arguments[0] ? unwrap(call.node.arguments[0] as Node) : null
  if (arg?.type !== 'ObjectExpression') return
  const obj = arg as ObjectExpression
  for (const name of ['compress', 'static'] as const) {
    const prop = getProp(obj, name)
    if (!prop) continue
    const value = unwrap(prop.value as Node)
    const literal = value.type === 'BooleanLiteral'
    if (!literal && !(name === 'compress' && isStringValue(value, 'static'))) {
      addTodo(
        j,
        prop,
        `move \`${name}\` to \`photon.${name}\` in +config (true or false${name === 'static' ? ', or `{ cacheControl }`' : ''}): vike-photon's getMiddlewares() does not take it`,
      )
      continue
    }
    if (!ctx.photonSettings.has(name)) {
      ctx.photonSettings.set(
        name,
        literal
          ? { value: text(j, value) }
          : {
              value: 'true',
              todo: "was `compress: 'static'` in getMiddlewares() (static files only): vike-photon compresses pages on the fly and static files at build time with `true`, neither with `false`",
            },
      )
    }
    removeProp(obj, prop as Prop)
  }
  if (obj.properties.length === 0 && call.node.arguments.length === 1) call.node.arguments = []
}
