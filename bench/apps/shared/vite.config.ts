import react from '@vitejs/plugin-react'
import vike from 'vike/plugin'
import { defineConfig } from 'vite'

export default defineConfig({
  plugins: [vike(), react()],
  // `pnpm bench --profile` builds with source maps so that bundled server code is attributed to its package.
  build: { sourcemap: process.env.BENCH_SOURCEMAP === '1' },
})
