import react from '@vitejs/plugin-react'
import vike from 'vike/plugin'
import { defineConfig } from 'vite'

// https://vitejs.dev/config/
export default defineConfig({
  // TODO(vike-photon migrate): the `vercel` Vite option was removed: `expiration` goes into the per-page `isr: { expiration }` setting
  plugins: [
    react(),
    vike({ prerender: true }), // pre-render every page
  ],
  resolve: { alias: { '#': '/src' } }, // keep in sync with tsconfig.json
})
