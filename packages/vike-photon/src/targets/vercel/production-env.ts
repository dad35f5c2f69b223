import { createPlugin } from '../../plugin/create-plugin.js'

// Workaround for @photonjs/vercel 0.1.23: its last step bundles each function with esbuild, and only for edge
// functions does it define `process.env.NODE_ENV` as "production"; Vite leaves `process.env.NODE_ENV` as it is in
// server environments. A Node function therefore keeps the development branch of a server entry written before
// vike-photon (`if (process.env.NODE_ENV === 'production') {...} else { const vite = await import('vite') ... }`),
// and esbuild bundles Vite itself into the function. The build then fails with `Error while bundling
// .vercel/output/functions/_vike/server.func/index.js`, caused by `Could not resolve "lightningcss"` (or
// "@vitejs/devtools/config"), optional dependencies of Vite that are not installed; where they are installed,
// several MB of Vite end up in the function. Vercel runs functions with NODE_ENV=production: so does the build.

const VERCEL_ENVIRONMENTS = new Set(['vercel_node', 'vercel_edge'])

export const vercelProductionEnvPlugin = createPlugin('vercel:production-env', () => ({
  apply: 'build',
  configEnvironment(name) {
    if (!VERCEL_ENVIRONMENTS.has(name)) return undefined
    return { define: { 'process.env.NODE_ENV': JSON.stringify('production') } }
  },
}))
