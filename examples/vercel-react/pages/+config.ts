import type { Config } from 'vike/types'
import vikePhoton from 'vike-photon/config'
import vikeReact from 'vike-react/config'

// With `@photonjs/vercel` installed, `vike build` writes `.vercel/output` (Vercel's Build Output API).
export default {
  extends: [vikeReact, vikePhoton],
  title: 'vike-photon on Vercel',
  photon: {
    // Universal handlers (`export default { fetch }` or `(request) => Response`): `server/api/hello.ts` answers `/api/hello`.
    endpoints: 'server/api',
  },
} satisfies Config
