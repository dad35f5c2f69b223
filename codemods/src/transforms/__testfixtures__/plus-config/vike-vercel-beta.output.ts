import vikeReact from 'vike-react/config'
import vikePhoton from 'vike-photon/config'
import type { Config } from 'vike/types'
import { getEntriesFromFs } from '@photonjs/vercel/utils'

export default {
  extends: [vikeReact, vikePhoton],
  // TODO(vike-photon migrate): vike-vercel needed `viteEnvironmentAPI: true`; vike-photon does not: remove it unless another extension needs it
  viteEnvironmentAPI: true,
  photon: {
    entries: {
      ...(await getEntriesFromFs('endpoints', { destination: '' })),
    },
  },
} satisfies Config
