import { default as serverExt } from 'vike-server/config'
import type { Config } from 'vike/types'

export default { extends: [serverExt], server: 'server/index.ts' } satisfies Config
