import { plugin as vike } from 'vike/plugin'
import { defineConfig } from 'vite'
// TODO(vike-photon migrate): vikeNode() had more entries than `index` (worker), kept here as `vikeNodeEntries`: add them to `photon.entries` in +config, or drop them
const vikeNodeEntries = {
  worker: { entry: 'server/worker.ts', runtime: 'node' },
}

export default defineConfig(() => ({
  plugins: [
    vike(),
  ],
}))
