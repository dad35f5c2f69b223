import vikePhoton from 'vike-photon/config'
import type { Config } from 'vike/types'
// TODO(vike-photon migrate): `server.entry` had more entries than `index` (worker), kept here as `serverEntries`: add them to `photon.entries`, or drop them
const serverEntries = {
  worker: 'server/worker.ts',
}

const config: Config = {
  extends: [vikePhoton],
  photon: {
    // TODO(vike-photon migrate): the server had several entries; only `index` was kept here, the others are in `serverEntries` above
    server: 'server/index.ts',
    // TODO(vike-photon migrate): was `standalone: { esbuild: { minify: true } }`: vike-photon's standalone build takes `{ bundle, minify, trace, external }`, not esbuild options
    standalone: true,
  },
}

export default config
