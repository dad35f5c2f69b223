import vikeVue from 'vike-vue/config'
import vikePhoton from 'vike-photon/config'

export default {
  extends: process.env.PRERENDER_ONLY ? [vikeVue] : [vikeVue, vikePhoton],
  photon: {
    server: 'server/entry.js',
  },
  prerender: true,
}
