import react from '@vitejs/plugin-react'
import vike from 'vike/plugin'
import type { UserConfig } from 'vite'

// TODO(vike-photon migrate): the `vercel` Vite option was removed: `expiration` goes into the per-page `isr: { expiration }` setting; the `ssr_` endpoint 'hono-entry.ts' is now `photon.server`; endpoint 'endpoints/og.ts' goes into `photon.entries` (see getEntriesFromFs from @photonjs/vercel/utils); `rewrites` has no vike-photon setting (use vercel.json or a plugin with getVercelAPI); kept here as `vercelOptions`
const vercelOptions = {
  additionalEndpoints: [
    { source: 'endpoints/og.ts', destination: 'og', edge: true },
  ],
  rewrites: [{ source: '/old', destination: '/new' }],
}

const config: UserConfig = {
  plugins: [react(), vike()],
}

export default config
