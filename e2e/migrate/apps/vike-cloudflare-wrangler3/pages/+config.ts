import type { Config } from 'vike/types'
import vikeCloudflare from 'vike-cloudflare/config'
import vikeReact from 'vike-react/config'

export default {
  title: 'Parts shop',
  passToClient: ['shopStatus'],
  extends: [vikeReact, vikeCloudflare],
  server: 'server/index.ts',
} satisfies Config
