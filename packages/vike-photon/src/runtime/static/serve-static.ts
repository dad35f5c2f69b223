import { dirname, isAbsolute, join, resolve } from 'node:path'
import type { UniversalMiddleware } from '@universal-middleware/core'
import { lookup } from 'mrmime'
import { staticMiddleware } from './middleware.js'
import { StaticFiles } from './static-files.js'

export interface ServeStaticOptions {
  /**
   * The folder to serve.
   *
   * @default the client build next to the running server: `dist/client` for `node dist/server/index.mjs`
   */
  root?: string
  /**
   * `Cache-Control` of files outside `/assets/` (hashed files under `/assets/` are always cached for a year).
   *
   * @default 'public, max-age=0, must-revalidate'
   */
  cacheControl?: string
}

/**
 * vike-photon's static file handling as a universal middleware named `vike-photon:static`, to place in your own
 * chain: set `photon.static: false` (so that the Node launcher no longer answers static files before your app)
 * and pass `serveStatic()` to `apply(app, [...])` after the middlewares that must see every request.
 *
 * @example
 * import { serveStatic } from 'vike-photon/static'
 * apply(app, [authMiddleware, serveStatic()])
 */
export function serveStatic({
  root,
  cacheControl = 'public, max-age=0, must-revalidate',
}: ServeStaticOptions = {}): UniversalMiddleware {
  let files: StaticFiles | undefined
  return staticMiddleware(() => {
    files ??= StaticFiles.load(resolveRoot(root), { cacheControl, contentType: lookup })
    return files
  })
}

function resolveRoot(root: string | undefined): string {
  if (root) return isAbsolute(root) ? root : resolve(root)
  const entry = process.argv[1]
  return join(entry ? dirname(resolve(entry)) : process.cwd(), '..', 'client')
}
