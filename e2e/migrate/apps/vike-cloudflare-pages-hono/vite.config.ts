import devServer from '@hono/vite-dev-server'
import adapter from '@hono/vite-dev-server/cloudflare'
import react from '@vitejs/plugin-react'
import vike from 'vike/plugin'
import { pages } from 'vike-cloudflare'
import { defineConfig } from 'vite'

export default defineConfig({
  plugins: [
    vike(),
    devServer({
      entry: 'hono-entry.ts',
      adapter,
      exclude: [/^\/@.+$/, /.*\.(ts|tsx)($|\?)/, /^\/node_modules\/.*/],
      injectClientScript: false,
    }),
    react(),
    pages({ server: { kind: 'hono', entry: 'hono-entry.ts' } }),
  ],
})
