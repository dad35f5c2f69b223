import ssr from 'vike/plugin'

export default {
  plugins: [ssr({ prerender: true })],
}
