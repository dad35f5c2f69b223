import type { Config } from 'vike/types'
import vikePhoton from 'vike-photon/config'
import vikeReact from 'vike-react/config'

// The server entries of examples/frameworks, built for Vercel: `FRAMEWORK=fastify vike build` builds
// ../frameworks/server/fastify.ts into the app's Vercel Function (.vercel/output). Without FRAMEWORK (or with
// FRAMEWORK=builtin) vike-photon's built-in server does. Vercel's functions run on Node: every framework works.
const framework = process.env.FRAMEWORK ?? 'builtin'

export default {
  extends: [vikeReact, vikePhoton],
  title: 'vike-photon frameworks on Vercel',
  passToClient: ['servedBy'],
  photon: framework === 'builtin' ? {} : { server: `../frameworks/server/${framework}.ts` },
} satisfies Config
