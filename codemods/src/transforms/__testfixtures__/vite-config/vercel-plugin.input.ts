import react from '@vitejs/plugin-react'
import vike from 'vike/plugin'
import type { UserConfig } from 'vite'
import vercel from 'vite-plugin-vercel'

const config: UserConfig = {
  plugins: [react(), vike(), vercel({ source: '/.*' })],
  vercel: {
    expiration: 25,
    additionalEndpoints: [
      { source: 'hono-entry.ts', destination: 'ssr_', route: false },
      { source: 'endpoints/og.ts', destination: 'og', edge: true },
    ],
    rewrites: [{ source: '/old', destination: '/new' }],
  },
}

export default config
