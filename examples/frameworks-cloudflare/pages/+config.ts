import type { Config } from 'vike/types'
import vikePhoton from 'vike-photon/config'
import vikeReact from 'vike-react/config'

// The server entries of examples/frameworks, built for Cloudflare Workers: `FRAMEWORK=h3 vike build` builds
// ../frameworks/server/h3.ts into a Worker. Photon's Cloudflare adapter takes Hono, H3 and srvx servers.
const framework = process.env.FRAMEWORK ?? 'hono'

export default {
  extends: [vikeReact, vikePhoton],
  title: 'vike-photon frameworks on Cloudflare',
  passToClient: ['servedBy'],
  photon: { server: `../frameworks/server/${framework}.ts` },
} satisfies Config
