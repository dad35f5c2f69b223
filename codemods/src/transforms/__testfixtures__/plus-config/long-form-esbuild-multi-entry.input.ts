import vikeServer from 'vike-server/config'
import type { Config } from 'vike/types'

const config: Config = {
  extends: [vikeServer],
  server: {
    entry: { index: 'server/index.ts', worker: 'server/worker.ts' },
    standalone: { esbuild: { minify: true } },
  },
}

export default config
