import vike from 'vike/plugin'
import { defineConfig } from 'vite'

const useHono = process.env.SERVER !== 'none'

// TODO(vike-photon migrate): pages()'s options (kept here as `pagesOptions`) were removed: set `photon.server` in +config to the server entry they name, if any
const pagesOptions = useHono
  ? {
      server: { kind: 'hono', entry: 'server/worker.ts' },
    }
  : {}

export default defineConfig({
  plugins: [
    vike(),
  ],
})
