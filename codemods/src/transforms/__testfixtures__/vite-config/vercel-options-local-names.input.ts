import vike from 'vike/plugin'
import { defineConfig } from 'vite'
import vercel from 'vite-plugin-vercel'

const legacyPaths = ['/old', '/older']

export default defineConfig(({ mode }) => ({
  plugins: [vike(), vercel()],
  vercel: {
    expiration: 30,
    rewrites: legacyPaths.map((source) => ({ source, destination: '/new' })),
    headers: mode === 'production' ? [{ source: '/(.*)', headers: [{ key: 'x-env', value: mode }] }] : [],
  },
}))
