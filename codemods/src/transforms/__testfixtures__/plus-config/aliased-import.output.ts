import vikePhoton from 'vike-photon/config'
import type { Config } from 'vike/types'

export default { extends: [vikePhoton], photon: { server: 'server/index.ts' } } satisfies Config
