import vike from 'vike/plugin'
import { defineConfig } from 'vite'

export default defineConfig(({ mode }) => {
  // TODO(vike-photon migrate): vikeNode() had more entries than `index` (worker), kept here as `vikeNodeEntries`: add them to `photon.entries` in +config, or drop them
  const vikeNodeEntries = {
    worker: {
      entry: mode === 'test' ? 'server/worker.test.ts' : 'server/worker.ts',
      runtime: 'node',
    },
  }

  return {
    plugins: [
      vike(),
    ],
  }
})
