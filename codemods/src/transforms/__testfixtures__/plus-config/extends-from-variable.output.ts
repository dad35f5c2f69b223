import vikeReact from 'vike-react/config'
import vikePhoton from 'vike-photon/config'
import type { Config } from 'vike/types'

const extensions = process.env.NO_SERVER ? [vikeReact] : [vikeReact, vikePhoton]

const config: Config = {
  extends: extensions,
  photon: {
    server: 'server/index.ts',
    hmr: 'prefer-restart',
  },
}

export default config
