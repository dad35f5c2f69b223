import type { Config } from 'vike/types'
import vikePhoton from 'vike-photon/config'
import vikeReact from 'vike-react/config'

// One app, one server entry per framework: `FRAMEWORK=fastify vike dev` runs server/fastify.ts. Without FRAMEWORK
// (or with FRAMEWORK=builtin) vike-photon's built-in server serves the app. In your own app, write the one path.
const framework = process.env.FRAMEWORK ?? 'builtin'

export default {
  extends: [vikeReact, vikePhoton],
  title: 'vike-photon frameworks',
  passToClient: ['servedBy'],
  photon: framework === 'builtin' ? {} : { server: `server/${framework}.ts` },
} satisfies Config
