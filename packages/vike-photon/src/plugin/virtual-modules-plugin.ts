import { relative, resolve, sep } from 'node:path'
import type { Environment } from 'vite'
import { contentTypesOf } from './content-types.js'
import { createPlugin } from './create-plugin.js'
import { OWN_UNIVERSAL_MIDDLEWARE_CORE_ID, parseHandlerModuleId, RUNTIME_SETTINGS_ID } from './entry-ids.js'
import { hasMiddlewareErrorHook } from './internal-imports-plugin.js'
import { runtimeFiles } from './runtime-files.js'

/**
 * Generates the modules that connect the build to vike-photon's runtime: one handler module per Photon entry,
 * and the runtime settings (the parts of `photon` that the server needs at request time).
 */
export const virtualModulesPlugin = createPlugin('virtual-modules', (ctx) => ({
  resolveId: {
    filter: { id: /^virtual:vike-photon:/ },
    handler(id) {
      if (id === OWN_UNIVERSAL_MIDDLEWARE_CORE_ID) {
        // Resolved from vike-photon's runtime, so from vike-photon's dependencies (on Node, the external-deps plugin
        // then leaves it in node_modules).
        return this.resolve('@universal-middleware/core', runtimeFiles.pageHandler, { skipSelf: true })
      }
      return `\0${id}`
    },
  },
  load: {
    filter: { id: /^\0virtual:vike-photon:/ },
    handler(id) {
      const virtualId = id.slice(1)
      if (virtualId === RUNTIME_SETTINGS_ID) {
        const { compress, static: staticSettings, server } = ctx.settings
        // A build is production, whatever NODE_ENV was while building (Vike decides the same way).
        const production = this.environment.config.command === 'build'
        const runtimeSettings = {
          production,
          compress,
          static: staticSettings,
          serverFile: server ? relative(ctx.root, server) : null,
          clientDir: clientDirFromServer(this.environment),
          // Vike writes the client build before the server build loads this module. Only builds serve static files.
          contentTypes: production ? contentTypesOf(clientOutDir(this.environment)) : {},
          // `vike dev --host/--port` (Vite's server options), which the dev server honours after HOST and PORT.
          devAddress: production ? null : devAddress(this.environment),
          appMiddleware: hasMiddlewareErrorHook(ctx, production),
        }
        return `export default ${JSON.stringify(runtimeSettings)}`
      }
      const entryName = parseHandlerModuleId(virtualId)
      if (entryName !== null) {
        return [
          // @photonjs/core 0.1.22 (photon:photon-meta-to-runtime) wraps this default export in `enhance()`; without
          // an `enhance` import from "…@universal-middleware/core" here, it adds one through its resolve-from-photon,
          // which falls back to the app's own copy: an app that listed @universal-middleware/core 0.3 failed to build
          // on Vercel ('"enhance" is not exported by @universal-middleware/core@0.3.3'; a real app of the corpus).
          `import { enhance } from ${JSON.stringify(OWN_UNIVERSAL_MIDDLEWARE_CORE_ID)}`,
          `import { createPageHandler } from ${JSON.stringify(runtimeFiles.pageHandler)}`,
          `export default createPageHandler(${JSON.stringify(entryName)})`,
        ].join('\n')
      }
      return undefined
    },
  },
}))

/** Where the client build is, relative to the server build (`../client/` with Vike's defaults). */
function clientDirFromServer(environment: Environment): string {
  const top = environment.getTopLevelConfig()
  const serverOutDir = resolve(top.root, environment.config.build.outDir)
  return `${relative(serverOutDir, clientOutDir(environment)).split(sep).join('/')}/`
}

function clientOutDir(environment: Environment): string {
  const top = environment.getTopLevelConfig()
  return resolve(top.root, top.environments.client?.build.outDir ?? 'dist/client')
}

/** Vite's `server.host` and `server.port`: what `vike dev --host` and `--port` set. */
function devAddress(environment: Environment): { host?: string | boolean; port?: number } {
  const { host, port } = environment.getTopLevelConfig().server
  return { host, port }
}
