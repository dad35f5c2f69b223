import { pathToFileURL } from 'node:url'
import type { Plugin } from 'vite'
import { DOCS, VikePhotonError } from '../../errors.js'
import { SERVER_FRAMEWORKS_BY_TARGET } from '../../facts.js'
import { reactDomServerPlugin } from '../../plugin/react-dom-server-plugin.js'
import type { TargetDefinition } from '../types.js'
import { netlifyConfigPlugin } from './config-plugin.js'
import { netlifyFunctionsPlugin } from './functions-plugin.js'
import { netlifySettingsPlugin } from './settings-plugin.js'
import { netlifySummary } from './summary.js'
import { netlifyVikeEntryPlugin } from './vike-entry-plugin.js'

export const NETLIFY_PACKAGE = '@photonjs/netlify'

interface NetlifyAdapterOptions {
  build?: { enabled?: boolean }
}

/**
 * Netlify: `vike build` writes Netlify's Frameworks API output: functions in `.netlify/v1/functions` (the app's server,
 * plus one per page with `photonUnit: true`), headers in `.netlify/v1/config.json`, and the static files in
 * `dist/client`, the site's publish directory (netlify.toml).
 */
export const netlifyTarget: TargetDefinition = {
  name: 'netlify',
  title: 'Netlify',
  package: NETLIFY_PACKAGE,
  detect: (project) => project.dependencies.has(NETLIFY_PACKAGE),
  // What Photon's Netlify adapter runs (`supportedTargetServers('netlify', ...)` in @photonjs/netlify 0.1.3).
  supportedServers: SERVER_FRAMEWORKS_BY_TARGET.netlify,
  summary: netlifySummary,
  // The summary lists the functions and says what a fully pre-rendered build deploys.
  prerendered: () => null,
  capabilities: {
    // A unit is a function of its own: the server build writes its bundle, functions-plugin.ts wraps it in a function.
    units: { functions: true, bundle: 'server-build' },
    nodeServer: false,
    // Netlify's CDN serves the static files and compresses responses, functions' too.
    precompress: false,
    compression: 'platform',
    output: { noun: 'functions', plural: true },
  },
  // One server bundle (dist/server/index.mjs) plus the units' bundles: Photon must not emit a bundle per entry.
  photon: { codeSplitting: { framework: false } },
  async plugins(project, ctx) {
    const entry = project.resolve(`${NETLIFY_PACKAGE}/vite`)
    if (!entry) {
      throw new VikePhotonError(
        `${NETLIFY_PACKAGE} is listed in package.json but is not installed in ${project.root}. Run your package manager's install (e.g. \`pnpm install\`).`,
      )
    }
    // The user's copy, so that its version and its @netlify/vite-plugin are the ones the project pinned.
    const { netlify } = (await import(pathToFileURL(entry).href)) as {
      netlify: (options?: NetlifyAdapterOptions) => Plugin[]
    }
    return [
      netlifySettingsPlugin(ctx),
      // Netlify runs functions on Node: one react-dom server renderer in each.
      reactDomServerPlugin('ssr')(ctx),
      // Photon's adapter (target `netlify`, its servers, @netlify/vite-plugin's dev emulation). Its writer of
      // functions is off: functions-plugin.ts says why and writes them instead.
      ...netlify({ build: { enabled: false } }),
      netlifyVikeEntryPlugin(ctx),
      netlifyFunctionsPlugin(ctx),
      netlifyConfigPlugin(ctx),
    ]
  },
  docs: `${DOCS}/netlify.md`,
}
