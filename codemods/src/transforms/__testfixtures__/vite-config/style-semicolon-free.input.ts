import react from '@vitejs/plugin-react'
import vike from 'vike/plugin'
import { defineConfig } from 'vite'
import vercel from 'vite-plugin-vercel'

// https://vitejs.dev/config/
export default defineConfig({
  plugins: [
    react(),
    vike({ prerender: true }), // pre-render every page
    vercel(),
  ],
  vercel: {
    expiration: 60,
  },
  resolve: { alias: { '#': '/src' } }, // keep in sync with tsconfig.json
})
