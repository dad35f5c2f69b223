import devServer from '@hono/vite-dev-server'
import react from '@vitejs/plugin-react'
import vike from 'vike/plugin'
import { defineConfig } from 'vite'
import vercel from 'vite-plugin-vercel'

export default defineConfig({
  plugins: [
    vike(),
    devServer({
      entry: 'hono-entry.ts',
      exclude: [/^\/@.+$/, /.*\.(ts|tsx|vue)($|\?)/, /^\/node_modules\/.*/],
      injectClientScript: false,
    }),
    react(),
    vercel(),
  ],
  build: {
    target: 'es2022',
  },
})
