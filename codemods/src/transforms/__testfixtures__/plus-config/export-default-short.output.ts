import vikeReact from 'vike-react/config'
import vikePhoton from 'vike-photon/config'
import type { Config } from 'vike/types'

export default {
  title: 'My app',
  extends: [vikeReact, vikePhoton],
  // @ts-ignore
  photon: {
    server: 'server/index.ts',
  },
} satisfies Config
