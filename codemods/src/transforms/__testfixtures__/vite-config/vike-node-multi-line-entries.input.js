import react from '@vitejs/plugin-react'
import vike from 'vike/plugin'
import vikeNode from 'vike-node/plugin'
import { defineConfig } from 'vite'

export default defineConfig({
  plugins: [
    react(),
    vike(),
    vikeNode({
      entry: {
        index: 'server/node-entry.js',
        cloudflare: {
          entry: 'server/app.js',
          runtime: 'cloudflare',
          scaffold: 'dist/cloudflare'
        },
        edge: 'server/edge.js'
      }
    })
  ]
})
