import type { ViteDevServer } from 'vite'
import { createPlugin } from '../../plugin/create-plugin.js'
import { runtimeFiles } from '../../plugin/runtime-files.js'

const SERVE_ENTRY = /^virtual:photon:serve-entry$/

/**
 * The module that starts the user's server. In a Node production build, `dist/server/index.mjs` is vike-photon's
 * launcher (runtime/serve-node.ts) instead of Photon's generic one; targets without a Node server
 * (`capabilities.nodeServer`: Cloudflare, Vercel) keep Photon's. In `vike dev` on Node (whatever the target: Cloudflare's dev runs in workerd
 * and never imports it), vike-photon's dev server (runtime/serve-dev.ts).
 */
export const nodeLauncherPlugin = createPlugin('node-launcher', (ctx) => ({
  enforce: 'pre',
  resolveId: {
    filter: { id: SERVE_ENTRY },
    handler() {
      if (this.environment.config.command === 'serve') return runtimeFiles.serveDev
      return ctx.target.capabilities.nodeServer ? runtimeFiles.serveNode : undefined
    },
  },
}))

const previous = globalThis as { __vikePhotonViteServer?: ViteDevServer }

/**
 * `r + enter` in `vike dev`: Vite restarts (a new dev server, new environments), Photon's restart closes the
 * user's server, but Photon (@photonjs/core 0.1.22) starts it again only for the first dev server of the process:
 * "[vite] server restarted." and then nothing listened. This starts it in the new server's environment, on the
 * same address (runtime/serve-dev.ts waits until the old one has let go of the port).
 */
export const devRestartPlugin = createPlugin('dev-restart', () => ({
  apply: 'serve',
  configureServer(vite) {
    const devServer = vite.config.photon?.devServer
    if (!devServer) return
    const restarted = previous.__vikePhotonViteServer !== undefined && previous.__vikePhotonViteServer !== vite
    previous.__vikePhotonViteServer = vite
    if (!restarted) return
    // After the other plugins' configureServer hooks (Photon's sets up the environment's runner).
    return () => {
      const environment = vite.environments[devServer.env]
      if (!environment || !('runner' in environment)) return
      const runner = (environment as { runner: { import(id: string): Promise<unknown> } }).runner
      runner.import(runtimeFiles.serveDev).catch((error: unknown) => {
        console.error(error)
        console.log('[vike-photon] The server did not start again: fix the error, then type "r + enter".')
      })
    }
  },
}))
