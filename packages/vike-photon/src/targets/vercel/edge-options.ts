import { version as viteVersion } from 'vite'
import { createPlugin } from '../../plugin/create-plugin.js'

// Workaround for @photonjs/vercel 0.1.23 on Vite 8: its vercel_edge environment sets
// `optimizeDeps.esbuildOptions` ({ target, format }) and `build.rollupOptions.treeshake: 'smallest'`. Vite 8 optimizes
// with Rolldown: it warns "`optimizeDeps.esbuildOptions` ... is now deprecated" each time it resolves the config
// (7 times in one `vike build`), ignores both keys (Vite maps neither `target` nor `format` onto Rolldown), and Rolldown
// rejects the string preset ("Invalid input options ... treeshake") and treeshakes with its default. Removing them
// (esbuildOptions) and spelling Rolldown's default (`treeshake: true`) builds the same functions, silently. On Vite 7
// (esbuild still optimizes, Rollup accepts 'smallest') nothing changes.

const ROLLDOWN = Number(viteVersion.split('.')[0]) >= 8

export const vercelEdgeOptionsPlugin = createPlugin('vercel:edge-options', () => ({
  // After @photonjs/vercel's own configEnvironment hook (this plugin comes after its plugins).
  configEnvironment(name, config) {
    if (!ROLLDOWN || name !== 'vercel_edge') return
    if (config.optimizeDeps?.esbuildOptions) delete config.optimizeDeps.esbuildOptions
    // Rolldown's types have no 'smallest' (Rollup's preset), hence the wider type.
    const rollupOptions = config.build?.rollupOptions as { treeshake?: unknown } | undefined
    if (rollupOptions?.treeshake === 'smallest') rollupOptions.treeshake = true
  },
}))
