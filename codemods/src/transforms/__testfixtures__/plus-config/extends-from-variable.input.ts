import vikeReact from 'vike-react/config'
import withServer from 'vike-server/config'
import type { Config } from 'vike/types'

const extensions = process.env.NO_SERVER ? [vikeReact] : [vikeReact, withServer]

const config: Config = {
  extends: extensions,
  server: { entry: 'server/index.ts', hmr: 'prefer-restart' },
}

export default config
