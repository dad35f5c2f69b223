import vike from 'vike/plugin'
import { pages } from 'vike-cloudflare'
import { defineConfig } from 'vite'

const useHono = process.env.SERVER !== 'none'

export default defineConfig({
  plugins: [
    vike(),
    pages(
      useHono
        ? {
            server: { kind: 'hono', entry: 'server/worker.ts' },
          }
        : {},
    ),
  ],
})
