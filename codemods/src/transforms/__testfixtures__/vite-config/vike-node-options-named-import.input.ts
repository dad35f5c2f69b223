import { plugin as vike } from 'vike/plugin'
import { vikeNode } from 'vike-node/plugin'
import { defineConfig } from 'vite'

export default defineConfig(() => ({
  plugins: [
    vike(),
    vikeNode({
      entry: { index: 'server/index.ts', worker: { entry: 'server/worker.ts', runtime: 'node' } },
      standalone: true,
      external: ['sharp'],
    }),
  ],
}))
