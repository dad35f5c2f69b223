import type { Config } from 'vike/types'
import vikeVue from 'vike-vue/config'
import vikePhoton from 'vike-photon/config'

export default {
  title: 'Workshop',
  passToClient: ['user'],
  extends: [vikeVue, vikePhoton],
  photon: {
    server: 'server/index.ts',
  },
} satisfies Config
