import vike from 'vike/plugin'
import { vikeNode } from 'vike-node/plugin'
import { defineConfig } from 'vite'

export default defineConfig(({ mode }) => ({
  plugins: [
    vike(),
    vikeNode({
      entry: {
        index: 'server/index.ts',
        worker: {
          entry: mode === 'test' ? 'server/worker.test.ts' : 'server/worker.ts',
          runtime: 'node',
        },
      },
    }),
  ],
}))
