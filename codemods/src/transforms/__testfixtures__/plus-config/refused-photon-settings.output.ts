import type { Config } from 'vike/types'
import vikePhoton from 'vike-photon/config'

export default {
  extends: [vikePhoton],
  // TODO(vike-photon migrate): `compress: 'static'` (from the server entry) was not carried over: `photon.compress` must be true or false, got 'static'.
  // TODO(vike-photon migrate): `static: { root: 'dist/client', cacheControl: 'no-cache' }` (from the server entry) was not carried over: `photon.static.root` is not a setting of vike-photon (known: cacheControl).
  photon: {
    server: 'server/index.ts',
  },
} satisfies Config
