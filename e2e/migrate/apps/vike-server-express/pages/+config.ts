import type { Config } from 'vike/types'
import vikeReact from 'vike-react/config'
import vikeServer from 'vike-server/config'

const config: Config = {
  title: 'Parts shop',
  passToClient: ['shopStatus'],
  extends: [vikeReact, vikeServer],
  server: {
    entry: 'server/index.ts',
  },
}

export default config
