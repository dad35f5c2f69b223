import vike from 'vike/plugin'
// TODO(vike-photon migrate): vike-cloudflare is removed by the migration: replace what this file still uses from it
import { type VikeCloudflarePagesOptions } from 'vike-cloudflare'
import { defineConfig } from 'vite'

const cloudflareOptions: VikeCloudflarePagesOptions = {
  server: { kind: 'hono', entry: 'server/worker.ts' },
}

export default defineConfig({
  plugins: [vike()],
})
