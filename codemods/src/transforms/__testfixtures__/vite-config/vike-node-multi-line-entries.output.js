import react from '@vitejs/plugin-react'
import vike from 'vike/plugin'
import { defineConfig } from 'vite'

// TODO(vike-photon migrate): vikeNode() had more entries than `index` (cloudflare, edge; runtime 'cloudflare' is a deploy target in vike-photon: install @photonjs/cloudflare and it builds photon.server for it), kept here as `vikeNodeEntries`: add them to `photon.entries` in +config, or drop them
const vikeNodeEntries = {
  cloudflare: {
    entry: 'server/app.js',
    runtime: 'cloudflare',
    scaffold: 'dist/cloudflare'
  },
  edge: 'server/edge.js'
}

export default defineConfig({
  plugins: [
    react(),
    vike()
  ]
})
