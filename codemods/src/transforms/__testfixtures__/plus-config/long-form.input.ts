import vikeServer from 'vike-server/config'
import type { Config } from 'vike/types'

export default {
  extends: vikeServer,
  server: {
    entry: 'server/index.ts',
    hmr: 'prefer-restart',
    standalone: true,
  },
} as Config
