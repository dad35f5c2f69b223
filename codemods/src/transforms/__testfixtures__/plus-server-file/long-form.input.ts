import type { Config } from 'vike/types'

export default {
  entry: 'server/index.ts',
  hmr: false,
} satisfies Config['server']
