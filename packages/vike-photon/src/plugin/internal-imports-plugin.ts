import type { Plugin } from 'vite'
import { runtimeFiles } from './runtime-files.js'

/** The extension's hook that Vike imports by name into every page entry (see `onCreatePageContext` in config.ts). */
const MIDDLEWARE_ERROR_HOOK = 'vike-photon/__internal/middleware-error-hook.ssr'

/**
 * Resolves the hook's name to its file, as the runtime files are (runtime-files.ts): a bundled build (per-page
 * units, Vercel functions) of an app that reaches vike-photon by self-reference rather than node_modules (this
 * package's own test apps) could not resolve the name.
 */
export function internalImportsPlugin(): Plugin {
  return {
    name: 'vike-photon:internal-imports',
    enforce: 'pre',
    resolveId: {
      // Without a filter, Rolldown would call this hook for every import of both builds.
      filter: { id: new RegExp(`^${MIDDLEWARE_ERROR_HOOK.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) },
      handler: () => runtimeFiles.middlewareErrorHook,
    },
  }
}
