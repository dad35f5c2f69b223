import { createPlugin } from '../../plugin/create-plugin.js'

// Workaround for @photonjs/vercel 0.1.23 with @photonjs/core 0.1.22. The function modules that the Vercel adapter
// generates import `virtual:photon:resolve-from-photon:@universal-middleware/vercel/...`, and Photon's resolver
// (installPhotonResolver/simplePhotonResolver in @photonjs/core) looks for it only from the locations of
// @photonjs/runtime, @photonjs/core and the extension, never from @photonjs/vercel, the one package that depends on
// it. That works only where the package manager happens to put @universal-middleware/vercel within their reach
// (pnpm's hoisted `node_modules/.pnpm/node_modules`, npm hoisting it to the top). When npm nests it under
// `node_modules/@photonjs/vercel/node_modules` (another version sits at the top) or pnpm does not hoist, `vike
// build` fails with: Rollup failed to resolve import "virtual:photon:resolve-from-photon:@universal-middleware/
// vercel/node/servers". So these imports are resolved from the adapter's own location first, Photon's resolver
// being left the ones this does not find.

const PREFIX = 'virtual:photon:resolve-from-photon:'
const ADAPTER_DEPENDENCY = new RegExp(`^${PREFIX}@universal-middleware/vercel(/|$)`)

/** `adapterFile`: a file of the installed @photonjs/vercel, from where its own dependencies resolve. */
export const vercelAdapterDepsPlugin = (adapterFile: string) =>
  createPlugin('vercel:adapter-deps', () => ({
    // Before Photon's resolvers, which are `pre` too and come after vike-photon's plugins.
    enforce: 'pre',
    sharedDuringBuild: true,
    resolveId: {
      filter: { id: ADAPTER_DEPENDENCY },
      async handler(id, _importer, options) {
        return (await this.resolve(id.slice(PREFIX.length), adapterFile, { ...options, skipSelf: true })) ?? null
      },
    },
  }))(undefined as never)
