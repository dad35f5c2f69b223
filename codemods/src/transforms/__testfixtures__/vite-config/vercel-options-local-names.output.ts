import vike from 'vike/plugin'
import { defineConfig } from 'vite'

const legacyPaths = ['/old', '/older']

export default defineConfig(({ mode }) => {
  // TODO(vike-photon migrate): the `vercel` Vite option was removed: `expiration` goes into the per-page `isr: { expiration }` setting; `rewrites` has no vike-photon setting (use vercel.json or a plugin with getVercelAPI); `headers` has no vike-photon setting (use vercel.json or a plugin with getVercelAPI); kept here as `vercelOptions`
  const vercelOptions = {
    rewrites: legacyPaths.map((source) => ({ source, destination: '/new' })),
    headers: mode === 'production' ? [{ source: '/(.*)', headers: [{ key: 'x-env', value: mode }] }] : [],
  }
  return {
    plugins: [vike()],
  }
})
