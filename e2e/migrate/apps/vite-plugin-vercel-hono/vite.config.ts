import react from '@vitejs/plugin-react'
import vike from 'vike/plugin'
import { defineConfig } from 'vite'
import vercel from 'vite-plugin-vercel'

export default defineConfig({
  plugins: [vike(), react(), vercel()],
  vercel: {
    // The Hono entry is the server function: it serves the API routes and the pages
    additionalEndpoints: [{ source: 'hono-entry.ts', destination: 'ssr_', route: true }],
  },
})
