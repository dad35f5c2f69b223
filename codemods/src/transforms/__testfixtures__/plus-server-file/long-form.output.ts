import type { Config } from 'vike/types'

// TODO(vike-photon migrate): this file was +server (vike-server) and is now +photon (vike-photon): check the settings below; an `entry` object keeps only `index` as `server`
export default {
  server: 'server/index.ts',
  hmr: false,
}
