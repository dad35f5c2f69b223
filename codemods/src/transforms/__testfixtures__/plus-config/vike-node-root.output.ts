import vikeReact from 'vike-react/config'
import type { Config } from 'vike/types'
import vikePhoton from 'vike-photon/config'

export default {
  extends: [vikeReact, vikePhoton],
  title: 'vike-node app',
  photon: {
    server: 'server/index.js',
  },
} satisfies Config
