import type { Config } from 'vike/types'
import vikeServer from 'vike-server/config'

export default {
  extends: [vikeServer],
  server: 'server/index.ts',
} satisfies Config
