import vikeVue from 'vike-vue/config'
import serverConfig from 'vike-server/config'

export default {
  extends: process.env.PRERENDER_ONLY ? [vikeVue] : [vikeVue, serverConfig],
  server: 'server/entry.js',
  prerender: true,
}
