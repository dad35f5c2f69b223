import type { Config } from 'vike/types'
import vikeReact from 'vike-react/config'
import vikeServer from 'vike-server/config'

export default {
  title: 'Parts shop',
  passToClient: ['shopStatus'],
  extends: [vikeReact, vikeServer],
  server: 'server/index.ts',
} satisfies Config
