import vikeReact from 'vike-react/config'
import type { Config } from 'vike/types'
import vikePhoton from 'vike-photon/config'

export default {
  extends: [
    vikeReact, // UI
    vikePhoton,
  ],
  title: 'Parts shop', // browser tab title
  photon: {
    server: 'server/index.ts',
  },
} satisfies Config
