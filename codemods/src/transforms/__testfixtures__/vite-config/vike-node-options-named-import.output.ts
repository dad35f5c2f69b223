import { plugin as vike } from 'vike/plugin'
import { defineConfig } from 'vite'
// TODO(vike-photon migrate): vikeNode() had more entries than `index` (worker), kept here as `vikeNodeEntries`: add them to `photon.entries` in +config, or drop them
const vikeNodeEntries = {
  worker: { entry: 'server/worker.ts', runtime: 'node' },
}

export default defineConfig(() => ({
  // TODO(vike-photon migrate): vikeNode({ standalone: true }) was removed: set `photon.standalone` in +config (options are bundle/minify/trace/external; `{ esbuild }` is no longer supported)
  // TODO(vike-photon migrate): vikeNode({ external: ['sharp'] }) was removed: move it to `photon.standalone.external` in +config, or to Vite's `ssr.external`
  plugins: [
    vike(),
  ],
}))
