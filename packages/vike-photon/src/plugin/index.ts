import { installPhoton } from '@photonjs/runtime/vite'
import type { Plugin, PluginOption } from 'vite'
import { vercelPlugins } from '../targets/vercel.js'
import { PluginContext } from './context.js'
import { endpointsPlugin } from './endpoints-plugin.js'
import { nodeLauncherPlugin } from './node-launcher-plugin.js'
import { precompressPlugin } from './precompress-plugin.js'
import { runtimeFiles } from './runtime-files.js'
import { serverEntryCheckPlugin } from './server-entry-check-plugin.js'
import { settingsPlugin } from './settings-plugin.js'
import { virtualModulesPlugin } from './virtual-modules-plugin.js'

/** All of vike-photon's Vite plugins, in order. Added to the user's Vite config by the extension (`vite` setting). */
export function vikePhotonPlugins(): PluginOption[] {
  const ctx = new PluginContext()
  return [
    settingsPlugin(ctx),
    endpointsPlugin(ctx),
    // Deploy targets, each active only when its Photon adapter is installed (after the entries are registered).
    vercelPlugins(ctx),
    virtualModulesPlugin(ctx),
    serverEntryCheckPlugin(ctx),
    nodeLauncherPlugin(ctx),
    precompressPlugin(ctx),
    ...(installPhoton('vike-photon', {
      // The default middleware chain, per runtime (see runtime/middlewares/*).
      resolveMiddlewares(condition) {
        return runtimeFiles.middlewares[condition]
      },
    }) as Plugin[]),
  ]
}
