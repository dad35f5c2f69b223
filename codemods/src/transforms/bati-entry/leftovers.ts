import { posix } from 'node:path'
import type { Collection, JSCodeshift } from 'jscodeshift'
import type { MigrateContext } from '../../context.js'
import { addTodo, importsFrom } from '../../lib/ast.js'
import { program } from './vike-route.js'

// biome-ignore lint/suspicious/noExplicitAny: AST nodes of every shape.
type N = any

const withoutExtension = (path: string) => path.replace(/\.[cm]?[jt]sx?$/, '')

/** The project path (no extension) a relative import of `from` points at. */
export function resolveModule(from: string, source: string): string | null {
  if (!source.startsWith('.')) return null
  return withoutExtension(posix.normalize(posix.join(posix.dirname(from.replace(/\\/g, '/')), source)))
}

/** True when `path` is one of the modules an entry stopped importing. */
export function isRetired(ctx: MigrateContext, path: string): boolean {
  const p = withoutExtension(path.replace(/\\/g, '/'))
  return ctx.retiredModules.has(p) || (p.endsWith('/index') && ctx.retiredModules.has(p.slice(0, -'/index'.length)))
}

/** A module the entry no longer imports (Bati's `server/vike-handler.ts`): kept, with a TODO at its top. */
export function markRetired(j: JSCodeshift, root: Collection): void {
  const first = (program(j, root).body as N[])[0]
  if (!first) return
  addTodo(
    j,
    first,
    'this file is no longer used: apply(app) from @photonjs/hono renders the pages now; delete it (anything it added to pageContext goes into +onCreatePageContext.server.ts)',
  )
}

/** A Cloudflare Pages Function (`functions/[[path]].ts`): the Worker vike-photon deploys never runs it. */
export function markPagesFunction(j: JSCodeshift, root: Collection): void {
  const body = program(j, root).body as N[]
  const at = body.find((s) => s.type === 'ExportNamedDeclaration' || s.type === 'ExportDefaultDeclaration') ?? body[0]
  if (!at) return
  addTodo(
    j,
    at,
    'Cloudflare Pages Functions do not run in the Worker vike-photon deploys: move what this file does into your server entry (photon.server), then delete it',
  )
}

/**
 * A server entry that is a bare Worker (`export default { fetch(request, env, ctx) {...} }`) calling renderPage():
 * @photonjs/cloudflare needs a Hono, H3 or srvx app. Kept as it is, with a TODO on the export.
 */
export function markFetchWorker(j: JSCodeshift, root: Collection): void {
  const body = program(j, root).body as N[]
  const exported = body.find((s) => s.type === 'ExportDefaultDeclaration')
  const d = exported?.declaration
  const hasFetch =
    d?.type === 'ObjectExpression' && d.properties.some((p: N) => (p.key?.name ?? p.key?.value) === 'fetch')
  const rendersPages = importsFrom(j, root, (source) => source === 'vike/server').length > 0
  if (!hasFetch) return
  addTodo(
    j,
    exported,
    rendersPages
      ? 'this Worker renders the pages with renderPage(), which vike-photon now does: remove `photon.server` from +config to use its built-in server, or move your other routes into a Hono app with `apply(app)` and `export default serve(app)` from @photonjs/hono'
      : "vike-photon on Cloudflare needs a Hono (or H3) app as server entry: move this Worker's routes into a Hono app with `apply(app)` and `export default serve(app)` from @photonjs/hono",
  )
}

export const isPagesFunction = (path: string) => /^functions\/.+\.[cm]?[jt]sx?$/.test(path.replace(/\\/g, '/'))
