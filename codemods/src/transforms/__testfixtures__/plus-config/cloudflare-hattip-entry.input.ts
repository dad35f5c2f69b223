import vikeCloudflare from 'vike-cloudflare/config'
import vikeSolid from 'vike-solid/config'
import type { Config } from 'vike/types'

export default {
  title: 'Recipes',
  // the HatTip router
  server: 'server/entry.ts',
  extends: [vikeSolid, vikeCloudflare],
} satisfies Config
