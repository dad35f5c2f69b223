import { DOCS, VikePhotonError } from '../../errors.js'
import { createPlugin } from '../../plugin/create-plugin.js'

// Vike 0.4.266 without a vite.config file: `vike build` puts vike() into an inline Vite config, so Vite's builder
// (which resolves the config once per environment) reuses the same vike() plugin objects for every environment, and
// each keeps the config it saw last. With @photonjs/vercel 0.1.23's extra environments, the last one is
// `vercel_client` (outDir .vercel/output/static), so Vike looks for the client manifest at
// `.vercel/output/static/client/.vite/manifest.json` and the build fails with ENOENT. With a vite.config file the
// plugins are created per environment and the build works: say so before the build starts, instead of that ENOENT.

export const vercelConfigFileCheckPlugin = createPlugin('vercel:config-file-check', () => ({
  apply: 'build',
  configResolved(config) {
    if (config.configFile) return
    throw new VikePhotonError(
      'The Vercel target needs a vite.config file: without one, Vike and @photonjs/vercel write the build to two different folders and `vike build` fails. ' +
        "Add vite.config.ts with `import vike from 'vike/plugin'` and `export default { plugins: [vike()] }` (plus your UI framework's Vite plugin, e.g. @vitejs/plugin-react). " +
        `See ${DOCS}/vercel.md`,
    )
  },
}))
