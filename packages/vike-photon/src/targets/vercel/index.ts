import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { ViteVercelConfig } from '@photonjs/vercel/types'
import type { Plugin } from 'vite'
import { DOCS, VikePhotonError } from '../../errors.js'
import { SERVER_FRAMEWORKS_BY_TARGET } from '../../facts.js'
import type { PluginContext } from '../../plugin/context.js'
import { createPlugin } from '../../plugin/create-plugin.js'
import { parseHandlerModuleId, VIKE_SERVER_ENTRY } from '../../plugin/entry-ids.js'
import { reactDomServerPlugin } from '../../plugin/react-dom-server-plugin.js'
import type { Project, TargetDefinition } from '../types.js'
import { vercelAdapterDepsPlugin } from './adapter-deps.js'
import { vercelConfigFileCheckPlugin } from './config-file-check.js'
import { vercelEdgeOptionsPlugin } from './edge-options.js'
import { vercelElysiaNodePlugin } from './elysia-node.js'
import { vercelFirstErrorPlugin } from './first-error.js'
import { vercelNodeDependenciesPlugin } from './node-dependencies.js'
import { vercelOriginalUrlPlugin } from './original-url.js'
import { vercelPreviewPlugin } from './preview/plugin.js'
import { vercelProductionEnvPlugin } from './production-env.js'
import { vercelPageSettings } from './settings.js'
import { vercelSummary } from './summary.js'

// The Vercel target: active when the app has `@photonjs/vercel` installed. Photon's Vercel adapter writes the
// Build Output API (`.vercel/output`); this file decides which of vike-photon's entries become functions:
// - the server function (`_vike/server`: the user's server, or Photon's built-in one, with every page and the
//   catch-all) answers whatever no other function or static file answers;
// - a page with `isr`, `edge: true` or `photonUnit: true` gets its own function (a prerender function for ISR, an edge
//   function), which holds only that page (plugin/per-page-plugin.ts);
// - each API endpoint (`photon.endpoints`) gets its own function;
// - pre-rendered pages are files in `static/`, never functions;
// - other pages and the catch-all stay in the server function only (their Photon entries are kept, so the server
//   routes them, but they are not emitted as functions of their own).
// The entries themselves are planned in plugin/plan-entries.ts; this file hands it the pages' ISR and edge settings.

export const VERCEL_PACKAGE = '@photonjs/vercel'
/** The function that serves the whole app, under `.vercel/output/functions/`. */
export const SERVER_FUNCTION = '_vike/server'
const VERCEL_ENVIRONMENTS = new Set(['vercel_node', 'vercel_edge'])

/**
 * The plugins that older Vercel integrations leave behind, which would write a second `.vercel/output`.
 * Returns one message per plugin found, empty when the app is clean.
 */
export function findLegacyVercelPlugins(project: Project): string[] {
  const found: string[] = []
  if (project.dependencies.has('@vite-plugin-vercel/vike')) found.push('`@vite-plugin-vercel/vike`')
  if (project.dependencies.has('vite-plugin-vercel')) {
    const installed = readInstalledVersion(project, 'vite-plugin-vercel')
    const major = Number((installed ?? '0').split('.')[0])
    if (!(major >= 10)) found.push(`\`vite-plugin-vercel\` ${installed ?? '(not installed)'}`)
  }
  return found
}

function readInstalledVersion(project: Project, name: string): string | null {
  const main = project.resolve(name)
  if (!main) return null
  for (let dir = dirname(main); dir !== dirname(dir); dir = dirname(dir)) {
    const file = join(dir, 'package.json')
    if (!existsSync(file)) continue
    const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string }
    if (pkg.name === name) return pkg.version ?? null
  }
  return null
}

/** Refuses a project that still has the pre-Photon Vercel plugins: they would write a second `.vercel/output`. */
export function assertNoLegacyVercelPlugins(project: Project): void {
  const found = findLegacyVercelPlugins(project)
  if (found.length === 0) return
  throw new VikePhotonError(
    `${found.join(' and ')} ${found.length > 1 ? 'are' : 'is'} installed: vike-photon deploys to Vercel through ` +
      `\`${VERCEL_PACKAGE}\` and both would write .vercel/output. Run \`npx vike-photon migrate\` to move the app ` +
      `onto \`${VERCEL_PACKAGE}\` (it keeps your \`isr\` and \`edge\` settings), or remove the old package and its ` +
      `plugin from vite.config by hand. See ${DOCS}/vercel.md`,
  )
}

/**
 * Vercel: `vike build` writes the Build Output API (`.vercel/output`): one function for the app, one per ISR or
 * edge page and per endpoint, pre-rendered pages as static files.
 */
export const vercelTarget: TargetDefinition = {
  name: 'vercel',
  title: 'Vercel',
  package: VERCEL_PACKAGE,
  detect: (project) => project.dependencies.has(VERCEL_PACKAGE),
  // Functions run on Node (vercel_node) or on the edge: every server framework that runs on Node works.
  supportedServers: SERVER_FRAMEWORKS_BY_TARGET.vercel,
  summary: vercelSummary,
  // A pre-rendered page is a file in static/, and the summary lists .vercel/output: nothing to add.
  prerendered: () => null,
  pageSettings: vercelPageSettings,
  capabilities: {
    // Every page with a function of its own (photonUnit, ISR, edge) is a unit, bundled by Photon's adapter.
    units: { functions: true, bundle: 'photon-adapter' },
    nodeServer: false,
    precompress: false,
    // Vercel compresses responses at its edge network; compressing in the function would do it twice.
    compression: 'platform',
    output: { noun: 'functions', plural: true },
  },
  async plugins(project, ctx) {
    const adapter = project.resolve(`${VERCEL_PACKAGE}/vite`)
    if (!adapter) {
      throw new VikePhotonError(
        `${VERCEL_PACKAGE} is listed in package.json but is not installed in ${project.root}. Run your package manager's install (e.g. \`pnpm install\`).`,
      )
    }
    // The user's copy, so that its version is the one the project pinned.
    const { vercel } = (await import(pathToFileURL(adapter).href)) as {
      vercel: (config: ViteVercelConfig) => Plugin[]
    }
    // Kept by reference: Photon's adapter reads it when it writes config.json, after the pages are known.
    const vercelConfig: ViteVercelConfig = {}
    return [
      vercelConfigFileCheckPlugin(ctx),
      vercelFirstErrorPlugin(ctx),
      vercelAdapterDepsPlugin(adapter),
      vercelProductionEnvPlugin(ctx),
      vercelNodeDependenciesPlugin(ctx),
      reactDomServerPlugin('vercel_node')(ctx),
      vercelPagesPlugin(ctx, vercelConfig),
      ...withoutSecondPhotonConfigResolver(vercel(vercelConfig)),
      vercelEdgeOptionsPlugin(ctx),
      vercelServerOnlyPlugin(ctx),
      vercelServerEntryPlugin(ctx),
      vercelOriginalUrlPlugin(ctx),
      vercelElysiaNodePlugin(ctx),
      // `vike preview` serves .vercel/output the way Vercel routes it.
      vercelPreviewPlugin(),
    ]
  },
  docs: `${DOCS}/vercel.md`,
}

/**
 * @photonjs/vercel 0.1.23 installs Photon's plugins again, from the installed @photonjs/core 0.1.22, while vike-photon
 * bundles that module (tsup.config.ts). Photon's `singleton()` disables all but the first copy of each plugin, but
 * only after both copies' `configResolved` ran; `photon:resolve-config` keeps the resolved config in a module variable,
 * so the adapter's copy found a config it had not resolved and printed "[photon] Multiple versions of @photonjs/core
 * detected" in every Vercel build. Workaround: drop the adapter's copy; vike-photon's resolves the config for both.
 */
function withoutSecondPhotonConfigResolver(plugins: Plugin[]): Plugin[] {
  return plugins.filter((plugin) => plugin.name !== 'photon:resolve-config')
}

interface VercelEntryLike {
  name?: string
  target?: string
  vercel?: { destination?: string; enforce?: 'pre' | 'post' }
}

/**
 * Reads and validates the pages' Vercel settings (ISR, edge, pre-rendering, headers) for plugin/plan-entries.ts, and
 * writes the parts of config.json that are no function: headers and the rewrite of `/`.
 */
const vercelPagesPlugin = (ctx: PluginContext, vercelConfig: ViteVercelConfig) =>
  createPlugin('vercel', () => ({
    config: {
      order: 'post',
      handler(_config, { command }) {
        // Resolved and checked once, by the settings plugin (this row's `pageSettings`); plugin/plan-entries.ts turns
        // them into functions.
        const plans = ctx.pageSettings

        // Static `headersResponse` also applies where no function runs: pre-rendered pages and cached ISR pages.
        const headers = plans.flatMap((plan) => {
          if (!plan.headers || !plan.route) return []
          return [
            {
              source: toPathToRegexpSource(plan.route),
              headers: Object.entries(plan.headers).map(([key, value]) => ({ key, value })),
            },
          ]
        })
        // Replaced, not appended: Vike resolves the Vite config more than once per build (pre-rendering, ...).
        vercelConfig.headers = headers
        // The server function's route (`/**`) does not match `/` on its own.
        vercelConfig.rewrites = [{ source: '/', destination: `/${SERVER_FUNCTION}`, enforce: 'post' }]
        // Only entries with a `target` are emitted on their own: the others stay inside the server function.
        return command === 'build' ? { photon: { codeSplitting: { framework: false } } } : undefined
      },
    },
    configResolved: {
      // After Photon resolved its config (`photon:resolve-config` runs first), before Vercel's adapter reads it.
      handler(config) {
        const server = (config as unknown as { photon?: { server?: VercelEntryLike } }).photon?.server
        // Last in config.json: the more specific functions (pages, endpoints) are matched first.
        if (server) server.vercel = { destination: SERVER_FUNCTION, ...server.vercel, enforce: 'post' }
      },
    },
  }))(ctx)

/**
 * Photon's Vercel adapter (@photonjs/vercel 0.1.23) gives every entry of a Vercel environment a function (`target`),
 * with no setting to say "routed by the server, no function of its own". Workaround: entries that the server function
 * routes on its own (plan-entries.ts, `serverOnly`) lose their `target` again once Photon resolved them: they stay in
 * the server bundle (same environment), with no function.
 */
const vercelServerOnlyPlugin = (ctx: PluginContext) =>
  createPlugin('vercel:server-only', () => ({
    apply: 'build',
    buildStart: {
      order: 'post',
      handler() {
        const photon = (this.environment.config as unknown as { photon?: { entries?: VercelEntryLike[] } }).photon
        for (const entry of photon?.entries ?? []) {
          if (entry.name && ctx.serverOnly.has(entry.name)) delete entry.target
        }
      },
    },
  }))(ctx)

/**
 * Vike finds its production entry next to `dist/server/index.mjs` on Node; a Vercel function has no such file, so the
 * entry is bundled into every function that renders pages: each page handler (and the catch-all) imports it. Not the
 * handlers of units (every page with a function of its own): their functions import their own, smaller entry
 * (plugin/per-page-plugin.ts).
 */
const vercelServerEntryPlugin = (ctx: PluginContext) =>
  createPlugin('vercel:vike-entry', () => ({
    apply: 'build',
    applyToEnvironment: (environment) => VERCEL_ENVIRONMENTS.has(environment.name),
    transform: {
      filter: { id: /^\0virtual:vike-photon:handler:/ },
      handler(code, id) {
        const entryName = parseHandlerModuleId(id)
        if (entryName === null || ctx.units.some((unit) => unit.name === entryName)) return undefined
        return { code: `import ${JSON.stringify(VIKE_SERVER_ENTRY)}\n${code}`, map: null }
      },
    },
  }))(ctx)

/** rou3 `/movies/:id` → Vercel's (path-to-regexp) `/movies/:id`; `/docs/**` → `/docs/:rest*`. */
function toPathToRegexpSource(route: string): string {
  return route.replace(/\/\*\*(?::(\w+))?$/, (_m, name: string | undefined) => `/:${name ?? 'rest'}*`)
}
