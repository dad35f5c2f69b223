import vikePhoton from 'vike-photon/config'
import vikeVue from 'vike-vue/config'

export default {
  extends: [vikeVue, vikePhoton],
}
