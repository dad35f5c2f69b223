import { createPlugin } from './create-plugin.js'

/**
 * vike-photon's runtime imports `vike/server`. When vike-photon is linked (a workspace, `pnpm link`) or a monorepo
 * holds several copies of Vike, that import can resolve to another copy than the app's: the server bundle then
 * carries Vike twice (measured: +87 KB in a Cloudflare Worker). Resolve Vike from the project root, always.
 */
export const dedupePlugin = createPlugin('dedupe', () => ({
  config: () => ({ resolve: { dedupe: ['vike'] } }),
}))
