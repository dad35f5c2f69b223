/// <reference types="vike-server/config" />
import vikeCloudflare from 'vike-cloudflare/config'
import vikeServer from 'vike-server/config'

const config = {
  extends: [vikeServer, vikeCloudflare],
  server: { entry: 'hono-entry.ts' },
}

export { config }
