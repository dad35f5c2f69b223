import vike from 'vike/plugin'
import { pages, type VikeCloudflarePagesOptions } from 'vike-cloudflare'
import { defineConfig } from 'vite'

const cloudflareOptions: VikeCloudflarePagesOptions = {
  server: { kind: 'hono', entry: 'server/worker.ts' },
}

export default defineConfig({
  plugins: [vike(), pages(cloudflareOptions)],
})
