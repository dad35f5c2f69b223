import vikePhoton from 'vike-photon/config'
import type { Config } from 'vike/types'

const config: Config = {
  extends: [vikePhoton],
  photon: {
    // TODO(vike-photon migrate): the server had several entries; only `index` was kept. Add the others to `photon.entries` or drop them: worker: 'server/worker.ts'
    server: 'server/index.ts',
    // TODO(vike-photon migrate): `standalone: { esbuild }` is no longer supported: use `standalone: true` or `{ bundle, minify, trace, external }`
    standalone: { esbuild: { minify: true } },
  },
}

export default config
