import { createPlugin } from './create-plugin.js'
import { runtimeFiles } from './runtime-files.js'

/**
 * In a Node production build, `dist/server/index.mjs` is vike-photon's launcher (runtime/serve-node.ts) instead
 * of Photon's generic one. Deploy targets (Cloudflare, Vercel) set `photon.target` and keep their own.
 */
export const nodeLauncherPlugin = createPlugin('node-launcher', () => ({
  apply: 'build',
  enforce: 'pre',
  resolveId: {
    filter: { id: /^virtual:photon:serve-entry$/ },
    handler() {
      const target = this.environment.config.photon?.target
      if (target && !['node', 'bun', 'deno'].includes(target)) return undefined
      return runtimeFiles.serveNode
    },
  },
}))
