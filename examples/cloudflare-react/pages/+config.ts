import type { Config } from 'vike/types'
import vikePhoton from 'vike-photon/config'
import vikeReact from 'vike-react/config'

// vike-photon sees @photonjs/cloudflare in package.json and wrangler.toml: it builds a Worker. Nothing else to add.
export default {
  extends: [vikeReact, vikePhoton],
  title: 'vike-photon on Cloudflare',
  photon: {
    server: 'server/index.ts',
  },
} satisfies Config
