import type { Config } from 'vike/types'
import vikeCloudflare from 'vike-cloudflare/config'
import vikeReact from 'vike-react/config'

// Every page is pre-rendered at build time; the server only answers its own routes (/api/ping).
export default {
  title: 'Parts shop',
  passToClient: ['shopStatus'],
  extends: [vikeReact, vikeCloudflare],
  server: 'server/index.ts',
  prerender: true,
} satisfies Config
