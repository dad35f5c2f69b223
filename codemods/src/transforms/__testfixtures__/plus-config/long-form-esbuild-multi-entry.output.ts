import vikePhoton from 'vike-photon/config'
import type { Config } from 'vike/types'

const config: Config = {
  extends: [vikePhoton],
  photon: {
    // TODO(vike-photon migrate): the server had several entries; only `index` was kept. Add the others to `photon.entries` or drop them: worker: 'server/worker.ts'
    server: 'server/index.ts',
    // TODO(vike-photon migrate): was `standalone: { esbuild: { minify: true } }`: vike-photon's standalone build takes `{ bundle, minify, trace, external }`, not esbuild options
    standalone: true,
  },
}

export default config
