import { hattip } from '@hattip/vite'
import ssr from 'vike/plugin'
import { pages } from 'vike-cloudflare'

export default {
  plugins: [hattip(), ssr(), pages({ server: { kind: 'hattip', entry: 'hattip-entry.ts' } })],
}
