import vikeCloudflare from 'vike-cloudflare/config'
import vikeReact from 'vike-react/config'
import vikeServer from 'vike-server/config'
import type { Config } from 'vike/types'

const onCloudflare = process.env.DEPLOY_TARGET === 'cloudflare'

export default {
  extends: [vikeReact, onCloudflare ? vikeCloudflare : vikeServer],
  server: onCloudflare ? 'server/worker.ts' : 'server/node.ts',
} satisfies Config
