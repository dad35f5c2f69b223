import type { Config } from 'vike/types'
import vikePhoton from 'vike-photon/config'
import vikeReact from 'vike-react/config'

export default {
  title: 'Parts shop',
  passToClient: ['shopStatus'],
  extends: [vikeReact, vikePhoton],
} satisfies Config
