import { installPhoton } from '@photonjs/runtime/vite'
import type { Plugin, PluginOption } from 'vite'
import { externalDepsPlugin } from '../targets/node/external-deps-plugin.js'
import { devRestartPlugin, nodeLauncherPlugin } from '../targets/node/launcher-plugin.js'
import { precompressPlugin } from '../targets/node/precompress-plugin.js'
import { standalonePlugins } from '../targets/node/standalone-plugin.js'
import { buildSummaryPlugin } from './build-summary-plugin.js'
import { PluginContext } from './context.js'
import { dedupePlugin } from './dedupe-plugin.js'
import { endpointsPlugin } from './endpoints-plugin.js'
import { entriesPlugin } from './entries-plugin.js'
import { internalImportsPlugin } from './internal-imports-plugin.js'
import { perPagePlugin } from './per-page-plugin.js'
import { withPhotonHookFilters } from './photon-hook-filters.js'
import { withInlineSsrOnDemand } from './photon-inline-ssr.js'
import { photonMetaGuardPlugin } from './photon-meta-guard-plugin.js'
import { photonRuntimePlugin } from './photon-runtime-plugin.js'
import { prerenderReportPlugin } from './prerender-report-plugin.js'
import { resolveReceiptsPlugin } from './resolve-receipts-plugin.js'
import { runtimeFiles } from './runtime-files.js'
import { serverEntryCheckPlugin, serverEntryExportPlugin } from './server-entry-check-plugin.js'
import { settingsPlugin } from './settings-plugin.js'
import { targetPlugins } from './target-plugin.js'
import { hideVikeDeprecationWarning } from './vike-deprecation-warning.js'
import { vikeEntryLookupPlugin } from './vike-entry-lookup-plugin.js'
import { virtualModulesPlugin } from './virtual-modules-plugin.js'

/** All of vike-photon's Vite plugins, in order. Added to the user's Vite config by the extension (`vite` setting). */
export function vikePhotonPlugins(): PluginOption[] {
  // Before Vike resolves its plugins, where it would print that vike-photon is deprecated.
  hideVikeDeprecationWarning()
  const ctx = new PluginContext()
  return [
    // First: it fixes how the bundler hands `custom` to resolveId hooks before any module is resolved.
    resolveReceiptsPlugin(ctx),
    settingsPlugin(ctx),
    internalImportsPlugin(ctx),
    endpointsPlugin(ctx),
    virtualModulesPlugin(ctx),
    serverEntryCheckPlugin(ctx),
    serverEntryExportPlugin(ctx),
    nodeLauncherPlugin(ctx),
    devRestartPlugin(ctx),
    precompressPlugin(ctx),
    prerenderReportPlugin(ctx),
    ...standalonePlugins(ctx),
    externalDepsPlugin(ctx),
    photonRuntimePlugin(ctx),
    dedupePlugin(ctx),
    photonMetaGuardPlugin(ctx),
    vikeEntryLookupPlugin(ctx),
    perPagePlugin(ctx),
    // The deploy target's plugins (Cloudflare's, Vercel's), detected from the project's dependencies. After the
    // settings plugin: targets read the pages it found.
    targetPlugins(ctx),
    // After the target's plugins: Photon's entry table, planned from what the plugins above read (plan-entries.ts).
    entriesPlugin(ctx),
    ...withInlineSsrOnDemand(
      withPhotonHookFilters(
        installPhoton('vike-photon', {
          // The default middleware chain, per runtime (see runtime/middlewares/*).
          resolveMiddlewares(condition) {
            return runtimeFiles.middlewares[condition]
          },
        }) as Plugin[],
      ),
    ),
    // Last: its `buildApp` hook runs after the targets' own (Vercel builds its functions there).
    buildSummaryPlugin(ctx),
  ]
}
