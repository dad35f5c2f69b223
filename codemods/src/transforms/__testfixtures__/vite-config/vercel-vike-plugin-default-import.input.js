import ssr from 'vike/plugin'
import vercelVike from '@vite-plugin-vercel/vike'
import vercel from 'vite-plugin-vercel'

export default {
  plugins: [ssr({ prerender: true }), vercel(), vercelVike()],
}
