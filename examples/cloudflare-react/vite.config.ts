import react from '@vitejs/plugin-react'
import vike from 'vike/plugin'
import { defineConfig } from 'vite'

// No Cloudflare plugin here: vike-photon adds it because @photonjs/cloudflare is installed.
export default defineConfig({
  plugins: [vike(), react()],
})
