import vikePhoton from 'vike-photon/config'
import type { Config } from 'vike/types'

export default {
  extends: [vikePhoton],
  isr: {
    expiration: 60,
  },
} satisfies Config
