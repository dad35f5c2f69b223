import vike from 'vike/plugin'
import { pages } from 'vike-cloudflare'
import type { UserConfig } from 'vite'

export default {
  plugins: [vike({ prerender: true }), pages()],
} satisfies UserConfig
