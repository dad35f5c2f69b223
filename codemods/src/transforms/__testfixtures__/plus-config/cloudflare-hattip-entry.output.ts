import vikePhoton from 'vike-photon/config'
import vikeSolid from 'vike-solid/config'
import type { Config } from 'vike/types'

export default {
  title: 'Recipes',
  // the HatTip router
  // TODO(vike-photon migrate): was `server: 'server/entry.ts'`: vike-photon on Cloudflare cannot run that entry's framework (see the TODO in it), so it serves the pages without it
  extends: [vikeSolid, vikePhoton],
} satisfies Config
