import type { API, FileInfo } from 'jscodeshift'
import { contextOf, type TransformOptions } from '../../context.js'
import { isTypeScript, parserFor } from '../../lib/ast.js'
import { print } from '../../lib/print.js'
import { rewriteApplyOptions } from './apply-options.js'
import { checkBasePath, checkCloudflareFramework, checkConnectServer, checkFastify } from './checks.js'
import { exportServe, renameServeOptions } from './export-serve.js'
import { detectLegacy, finishImports, markServerApi, rewriteImports } from './imports.js'
import { isHonoNodeLauncher, rewriteHonoNodeLauncher, rewriteHonoNodeServer, rewriteListenCalls } from './listen.js'
import { EntryState } from './state.js'
import { rewriteVikeMiddleware } from './vike-middleware.js'

/**
 * Server entries of vike-server 1.0, vike-cloudflare 0.2 and vike-node 0.1 to 0.3 (every framework, and
 * vike-node 0.1's `vike-node/connect` on Express):
 * imports become `@photonjs/<fw>` (rule 25), the entry default-exports `serve()` (rule 26), `apply()`
 * options move to getMiddlewares()/+config (rule 27), `onServer` becomes `onCreate` (rule 28), vike-node's
 * middleware and hand-written listen calls become `apply()`/`serve()` (rule 29); Fastify and
 * `vike-server/api` get TODOs (rules 31, 33). Each concern lives in its own module of this folder.
 */
export default function serverEntry(file: FileInfo, api: API, options: TransformOptions): string {
  const j = api.jscodeshift.withParser(parserFor(file.path))
  const ctx = contextOf(options)
  const root = j(file.source)

  markServerApi(j, root)
  const detected = detectLegacy(j, root)
  if (!detected) {
    // vike-node 0.2/0.3's `index` entry often only starts @hono/node-server for an app it imports: it has no
    // legacy import, yet it becomes `photon.server`, whose default export vike-photon serves.
    if (isHonoNodeLauncher(j, root, ctx.serverEntry, file.path)) {
      const s = new EntryState(j, root, ctx, 'hono', isTypeScript(file.path))
      if (rewriteHonoNodeLauncher(s)) {
        exportServe(s)
        finishImports(s)
      }
    }
    return print(root, file.source)
  }
  const s = new EntryState(j, root, ctx, detected.fw, isTypeScript(file.path))
  const fromVikeCloudflare = detected.legacy.some((d) => String(d.node.source.value).startsWith('vike-cloudflare/'))
  rewriteImports(s, detected.legacy)
  rewriteVikeMiddleware(s)
  rewriteHonoNodeServer(s)
  rewriteListenCalls(s)
  rewriteApplyOptions(s)
  renameServeOptions(s)
  exportServe(s)
  checkFastify(s)
  checkBasePath(s)
  finishImports(s)
  checkConnectServer(s)
  checkCloudflareFramework(s, file.path, fromVikeCloudflare)
  return print(root, file.source)
}
