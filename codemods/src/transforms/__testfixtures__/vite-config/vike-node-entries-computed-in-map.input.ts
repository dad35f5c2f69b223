import vike from 'vike/plugin'
import { vikeNode } from 'vike-node/plugin'
import { defineConfig } from 'vite'

export default defineConfig({
  plugins: [
    vike(),
    ...['a'].map((t) =>
      vikeNode({
        entry: { index: 'server/index.ts', [t]: 'server/other.ts' },
      }),
    ),
  ],
})
