import { createPlugin } from '../../plugin/create-plugin.js'

/** vike-photon and Vite settings that differ on Netlify. */
export const netlifySettingsPlugin = createPlugin('netlify:settings', (_ctx) => ({
  config: {
    order: 'post',
    handler(_config, { command }) {
      if (command !== 'build') return undefined
      // Every dependency bundled into the server build, so that each function's code is all in dist/server and a
      // page's function holds only its page. Left in node_modules, Vike's runtime would import its production-entry
      // lookup (@brillout/vite-plugin-server-entry's autoImporter.js, which points at dist/server/entry.mjs: every
      // page), and Netlify's bundler would put every page into every function; bundled, vike-photon replaces that
      // lookup (plugin/vike-entry-lookup-plugin.ts) and imports the right entry itself.
      // A build is production: packages that pick their build by NODE_ENV (react-dom) then bundle only that one.
      return {
        environments: {
          ssr: {
            resolve: { noExternal: true },
            define: { 'process.env.NODE_ENV': JSON.stringify('production') },
          },
        },
      }
    },
  },
}))
