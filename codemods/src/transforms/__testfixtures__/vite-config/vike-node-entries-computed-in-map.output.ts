import vike from 'vike/plugin'
import { vikeNode } from 'vike-node/plugin'
import { defineConfig } from 'vite'

export default defineConfig({
  // TODO(vike-photon migrate): vikeNode() had more entries than `index` (t): add them to `photon.entries` in +config, or drop them
  // TODO(vike-photon migrate): remove this `vikeNode(...)` call: vike-photon replaces it
  plugins: [
    vike(),
    ...['a'].map((t) =>
      vikeNode({
        entry: { index: 'server/index.ts', [t]: 'server/other.ts' },
      }),
    ),
  ],
})
