import { createPlugin } from './create-plugin.js'

// Vike finds its production entry (dist/server/entry.mjs) through `autoImporter.js`, a module of
// @brillout/vite-plugin-server-entry that every `vike build` rewrites in place, in node_modules, to point at the app it
// built. In a pnpm store (hard links) that file is shared by every app on the machine using that version, so when a
// server build bundles it (standalone, Cloudflare), it bundles whichever app was built last: seen as a standalone
// build answering 404 for every page while other apps were building.
//
// vike-photon imports Vike's entry explicitly wherever it starts a server (the Node launcher, each Vercel handler, the
// Worker, each unit), so the lookup is never needed: in bundled server builds it is replaced by a module that says
// "not set", and Vike would fall back to looking for dist/server/entry.mjs itself.

const AUTO_IMPORTER = /[\\/]@brillout[\\/]vite-plugin-server-entry[\\/]dist[\\/]esm[\\/]runtime[\\/]autoImporter\.js$/

export const vikeEntryLookupPlugin = createPlugin('vike-entry-lookup', () => ({
  apply: 'build',
  enforce: 'pre',
  applyToEnvironment: (environment) => environment.config.consumer === 'server',
  load: {
    filter: { id: AUTO_IMPORTER },
    handler() {
      return "export const status = 'UNSET';\n"
    },
  },
}))
