import vikePhoton from 'vike-photon/config'
import vikeReact from 'vike-react/config'
import type { Config } from 'vike/types'

const onCloudflare = process.env.DEPLOY_TARGET === 'cloudflare'

export default {
  // TODO(vike-photon migrate): this condition (`onCloudflare`) chose between vike-cloudflare and vike-server; vike-photon replaces both and picks the deploy target from the @photonjs/* package installed (@photonjs/cloudflare, @photonjs/vercel, or none for Node): keep one target per app, or switch the package per deployment
  extends: [vikeReact, vikePhoton],
  photon: {
    server: onCloudflare ? 'server/worker.ts' : 'server/node.ts',
  },
} satisfies Config
