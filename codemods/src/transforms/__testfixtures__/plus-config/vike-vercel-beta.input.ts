import vikeReact from 'vike-react/config'
import vikeVercel from 'vike-vercel/config'
import type { Config } from 'vike/types'
import { getEntriesFromFs } from 'vite-plugin-vercel/utils'

export default {
  extends: [vikeReact, vikeVercel],
  viteEnvironmentAPI: true,
  photon: {
    entries: {
      ...(await getEntriesFromFs('endpoints', { destination: '' })),
    },
  },
} satisfies Config
