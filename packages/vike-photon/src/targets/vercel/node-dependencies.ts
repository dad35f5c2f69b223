import type { Plugin, Rolldown } from 'vite'
import { createPlugin } from '../../plugin/create-plugin.js'

// Workaround for @photonjs/vercel 0.1.23: Vite leaves the dependencies of the vercel_node environment external, and
// the adapter's last step bundles them into each Node function with esbuild, without defining
// `process.env.NODE_ENV` (it does so for edge functions only). Packages that pick their build at run time
// (`if (process.env.NODE_ENV === 'production') module.exports = require('./cjs/x.production.js') else ...`) then
// bring both builds: every Node function of a React app held react-dom's development builds next to its production
// ones, 3.4 MB instead of 1.5 MB. So Vite bundles the dependencies of Node functions itself, where
// `process.env.NODE_ENV` is "production" (vercel-production-env.ts) and only the production builds are reached.
// Bundled by Vite, dependencies resolve with the environment's conditions, and @photonjs/core 0.1.22 takes `node` out
// of them for the target's build environment (its target loader, `configResolved`): packages with a Node and a browser
// build then resolved to the browser one. `vike/client/router` (its `navigate()`, imported by pages of most Vike
// apps) came from Vike's browser runtime and the build failed ("Could not load
// virtual:vike:global-entry:client:client-routing"). So vercel_node gets `node` back, after Photon's hook: it
// resolves as esbuild's `platform: 'node'` did.
//
// The adapter writes the vercel_edge and vercel_node builds into the same folder (`.vercel/output/_tmp`), and Vike
// names its page entries the same in both (`entries/pages_edge.mjs`): vercel_node, built last, would overwrite the
// edge environment's page entries with its own, which now hold Node-only code (`node:stream`), and the edge function
// would fail to bundle. So vercel_node writes its files under `vercel_node/`, except the function entries, which the
// adapter finds by their name (`functions/<path>.func/index`).

const ENVIRONMENT = 'vercel_node'
const FOLDER = 'vercel_node/'

type FileNames = string | ((chunk: Rolldown.PreRenderedChunk) => string)

export const vercelNodeDependenciesPlugin = createPlugin(
  'vercel:node-dependencies',
  () =>
    ({
      apply: 'build',
      configEnvironment(name) {
        return name === ENVIRONMENT ? { resolve: { noExternal: true } } : undefined
      },
      // After @photonjs/core's own `configResolved` (enforce 'pre', order 'post'), which removes the condition.
      enforce: 'post',
      configResolved: {
        order: 'post',
        handler(config) {
          const conditions = config.environments[ENVIRONMENT]?.resolve.conditions as string[] | undefined
          if (conditions && !conditions.includes('node')) conditions.push('node')
        },
      },
      applyToEnvironment: (environment) => environment.name === ENVIRONMENT,
      outputOptions(options) {
        return {
          ...options,
          // Rolldown's defaults when unset (Vike sets both).
          entryFileNames: ownFolder(options.entryFileNames ?? '[name].js'),
          chunkFileNames: ownFolder(options.chunkFileNames ?? '[name]-[hash].js'),
        }
      },
    }) satisfies Omit<Plugin, 'name'>,
)

/** The same file names, but under `vercel_node/`, except the function entries (named `functions/…`). */
function ownFolder(names: FileNames): (chunk: Rolldown.PreRenderedChunk) => string {
  return (chunk) => {
    const fileName = typeof names === 'string' ? names : names(chunk)
    return chunk.name.startsWith('functions/') ? fileName : FOLDER + fileName
  }
}
