import { existsSync, realpathSync } from 'node:fs'
import { dirname, isAbsolute, join, resolve, sep } from 'node:path'
import { createPlugin } from '../../plugin/create-plugin.js'
import { runtimeFiles } from '../../plugin/runtime-files.js'

/** What the server bundle imports instead of each package (vike-photon's package.json `exports`). */
const REEXPORTS: Record<string, string> = {
  '@universal-middleware/core': 'vike-photon/__internal/universal-middleware-core',
  '@universal-middleware/express': 'vike-photon/__internal/universal-middleware-express',
}

/**
 * Leaves `@universal-middleware/core` and `@universal-middleware/express` out of a Node server bundle. Photon's
 * adapters, Photon's `apply()` and vike-photon's runtime import the core, and Vite bundled it (17.4 KB of the bench
 * app's 87 KB dist/server/); @photonjs/express imports the Express adapter, which brought `@universal-middleware/node`
 * with it (18.9 KB of the Express bench app's 86.8 KB). Both were bundled only because a pnpm app does not list them
 * in its own dependencies, so `dist/server/index.mjs` could not import them by name. Imported through vike-photon's
 * re-exports instead (vike-photon depends on both; `@photonjs/core` already depends on both, so no app installs
 * anything more), they stay in node_modules, where the server finds them at start. Every importer gets the same
 * module, so there is one copy at run time, as in the bundle.
 *
 * Only imports from packages and from vike-photon's runtime: the app's own imports of these packages resolve as
 * before, to the versions the app installed.
 *
 * Only where node_modules ships with dist/: not with `photon.standalone` (it bundles or copies everything itself),
 * not when the app bundles everything (`ssr.noExternal: true`), not on Cloudflare, Vercel or Netlify (their
 * functions are bundled), and not when the app cannot reach vike-photon by name (this package's own test apps).
 */
export const externalDepsPlugin = createPlugin('external-deps', (ctx) => {
  let reachable: boolean | undefined
  return {
    apply: 'build',
    enforce: 'pre',
    applyToEnvironment: (environment) => environment.config.consumer === 'server',
    resolveId: {
      filter: { id: /^@universal-middleware\/(?:core|express)$/ },
      handler(id, importer) {
        // The app's own imports keep the version the app installed (docs/servers.md has users install it).
        if (importer && isAppFile(importer)) return undefined
        if (!ctx.target.capabilities.nodeServer || ctx.settings.standalone) return undefined
        const { config } = this.environment
        if (config.resolve.noExternal === true) return undefined
        reachable ??= installedBeside(resolve(config.root, config.build.outDir))
        if (!reachable) return undefined
        return { id: REEXPORTS[id]!, external: true }
      },
    },
  }
})

/** vike-photon's own folder (dist/runtime/<file> is three levels down). */
const ownRoot = realpathOrSelf(dirname(dirname(dirname(runtimeFiles.universalMiddlewareCore))))

/** A file of the app itself: on disk, outside node_modules and outside vike-photon (which may be linked). */
function isAppFile(importer: string): boolean {
  if (!isAbsolute(importer) || /[\\/]node_modules[\\/]/.test(importer)) return false
  return !realpathOrSelf(importer).startsWith(ownRoot + sep)
}

function realpathOrSelf(path: string): string {
  try {
    return realpathSync(path)
  } catch {
    return path
  }
}

/**
 * Whether Node, importing `vike-photon` from a file in `outDir`, finds this copy of vike-photon: the first
 * `node_modules/vike-photon` up from there. (Not `require.resolve` from the root: it also accepts a package's
 * reference to itself, which an app inside this package's folder gets at build time but not from dist/server/.)
 */
function installedBeside(outDir: string): boolean {
  for (let dir = outDir; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', 'vike-photon')
    if (existsSync(join(candidate, 'package.json'))) return realpathSync(candidate) === ownRoot
    if (dirname(dir) === dir) return false
  }
}
