import type { Config } from 'vike/types'
import vikePhoton from 'vike-photon/config'
import vikeReact from 'vike-react/config'

// The server entries of examples/frameworks, built for Netlify: `FRAMEWORK=h3 vike build` builds
// ../frameworks/server/h3.ts into the site's function (.netlify/v1/functions). Without FRAMEWORK (or with
// FRAMEWORK=builtin) vike-photon's built-in server does. Photon's Netlify adapter takes Hono, H3 and srvx servers.
const framework = process.env.FRAMEWORK ?? 'builtin'

export default {
  extends: [vikeReact, vikePhoton],
  title: 'vike-photon frameworks on Netlify',
  passToClient: ['servedBy'],
  photon: framework === 'builtin' ? {} : { server: `../frameworks/server/${framework}.ts` },
} satisfies Config
