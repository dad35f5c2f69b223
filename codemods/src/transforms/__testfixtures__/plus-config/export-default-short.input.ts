import vikeReact from 'vike-react/config'
import vikeServer from 'vike-server/config'
import type { Config } from 'vike/types'

export default {
  title: 'My app',
  extends: [vikeReact, vikeServer],
  // @ts-ignore
  server: 'server/index.ts',
} satisfies Config
