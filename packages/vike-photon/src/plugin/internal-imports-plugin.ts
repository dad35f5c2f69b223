import type { PluginContext } from './context.js'
import { createPlugin } from './create-plugin.js'
import { runtimeFiles } from './runtime-files.js'

/** The extension's hook that Vike imports by name into every page entry (see `onCreatePageContext` in config.ts). */
const MIDDLEWARE_ERROR_HOOK = 'vike-photon/__internal/middleware-error-hook.ssr'
/** The same hook, switched off: Vike skips a hook whose value is `null` (vike 0.4.266, getHook.js). */
const NO_MIDDLEWARE_ERROR_HOOK = '\0vike-photon:middleware-error-hook-off'

/**
 * Resolves the hook's name to its file, as the runtime files are (runtime-files.ts): a bundled build (per-page
 * units, Vercel functions) of an app that reaches vike-photon by self-reference rather than node_modules (this
 * package's own test apps) could not resolve the name.
 *
 * The hook only ever acts for an app with a `+middleware` (runtime/middleware-error.ts). A build of an app without
 * one gets `null` instead: Vike ran the hook for every page request all the same, which cost each request two
 * timers and eleven promises (under the AsyncLocalStorage Vike installs, every promise runs hooks of its own) and
 * about 1% of its CPU time (bench/README.md). `vike dev` keeps the hook: a `+middleware` may be added meanwhile.
 */
export const internalImportsPlugin = createPlugin('internal-imports', (ctx) => {
  let isBuild = false
  return {
    enforce: 'pre',
    configResolved(config) {
      isBuild = config.command === 'build'
    },
    resolveId: {
      // Without a filter, Rolldown would call this hook for every import of both builds.
      filter: { id: new RegExp(`^${MIDDLEWARE_ERROR_HOOK.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) },
      handler: () =>
        hasMiddlewareErrorHook(ctx, isBuild) ? runtimeFiles.middlewareErrorHook : NO_MIDDLEWARE_ERROR_HOOK,
    },
    load: {
      filter: { id: new RegExp(`^${NO_MIDDLEWARE_ERROR_HOOK}$`) },
      handler: () => 'export const onCreatePageContext = null\n',
    },
  }
})

/** Whether the pages get the hook: always in `vike dev`, in a build when the app has a `+middleware`. */
export function hasMiddlewareErrorHook(ctx: PluginContext, isBuild: boolean): boolean {
  return !isBuild || ctx.hasMiddleware
}
