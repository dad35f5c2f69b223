import type { Config } from 'vike/types'
import vikePhoton from 'vike-photon/config'
import vikeReact from 'vike-react/config'

// With `@photonjs/netlify` installed, `vike build` writes Netlify's output: functions in `.netlify/v1/functions`,
// static files in `dist/client` (the publish directory, see netlify.toml).
export default {
  extends: [vikeReact, vikePhoton],
  title: 'vike-photon on Netlify',
  photon: {
    // Universal handlers (`export default { fetch }` or `(request) => Response`): `server/api/hello.ts` answers `/api/hello`.
    endpoints: 'server/api',
  },
} satisfies Config
