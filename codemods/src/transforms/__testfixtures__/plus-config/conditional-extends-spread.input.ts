import vikeReact from 'vike-react/config'
import vikeServer from 'vike-server/config'
import type { Config } from 'vike/types'

// The server only runs when SSR is on; the static build has none.
const ssr = process.env.SSR !== 'false'

export default {
  title: 'Shop',
  extends: [vikeReact, ...(ssr ? [vikeServer] : [])],
  ...(ssr ? { server: 'server/index.ts' } : {}),
} satisfies Config
