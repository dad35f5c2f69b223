import type { Config } from 'vike/types'
import vikeVue from 'vike-vue/config'

export default {
  title: 'Workshop',
  passToClient: ['user'],
  extends: [vikeVue],
} satisfies Config
