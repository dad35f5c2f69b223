import { createPlugin } from './create-plugin.js'
import { runtimeFiles } from './runtime-files.js'

/** Photon's runtime modules that a server build takes from vike-photon instead (runtime/photon-*.ts). */
const REPLACEMENTS: Record<string, string> = {
  '@photonjs/core/apply': runtimeFiles.photonApply,
  '@photonjs/core/errors': runtimeFiles.photonErrors,
}

/**
 * @photonjs/core 0.1.22's `apply` and `errors` modules each bundle a copy of ansis, a terminal colour library, to
 * colour the `[photon][...]` prefix of their error messages: 14 KB of the 71 KB `dist/server/` of a Hono app, in
 * every server build (every Photon adapter's `apply` imports the first, `serve` the second). A server build takes
 * vike-photon's copies instead: the same exports and messages, uncoloured. Photon is frozen upstream (last release
 * January 2026). Builds only: `vike dev` loads Photon's modules from node_modules, where their size costs nothing.
 */
export const photonRuntimePlugin = createPlugin('photon-runtime', () => ({
  apply: 'build',
  enforce: 'pre',
  applyToEnvironment: (environment) => environment.config.consumer === 'server',
  resolveId: {
    filter: { id: /^@photonjs\/core\/(?:apply|errors)$/ },
    handler(id) {
      return REPLACEMENTS[id]
    },
  },
}))
