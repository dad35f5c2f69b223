import vikePhoton from 'vike-photon/config'
import type { Config } from 'vike/types'

export default {
  extends: [vikePhoton],
  photon: {
    server: 'server/index.ts',
    hmr: 'prefer-restart',
    standalone: true,
  },
} as Config
