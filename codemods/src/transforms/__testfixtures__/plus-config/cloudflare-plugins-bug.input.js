import vikeCloudflare from 'vike-cloudflare/config'
import vikeVue from 'vike-vue/config'

export default {
  extends: vikeVue,
  plugins: [vikeCloudflare],
}
