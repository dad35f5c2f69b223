import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { ViteVercelConfig } from '@photonjs/vercel/types'
import { getVikeConfig } from 'vike/plugin'
import type { Plugin } from 'vite'
import { DOCS, VikePhotonError } from '../errors.js'
import type { PluginContext } from '../plugin/context.js'
import { createPlugin } from '../plugin/create-plugin.js'
import { ownBundleRoute } from '../plugin/route.js'
import { CATCH_ALL_ENTRY } from '../plugin/settings-plugin.js'
import { VIKE_SERVER_ENTRY } from '../plugin/vike-entry-lookup-plugin.js'
import { HANDLER_MODULE_PREFIX } from '../plugin/virtual-modules-plugin.js'
import type { Project, TargetDefinition } from './types.js'
import { vercelAdapterDepsPlugin } from './vercel-adapter-deps.js'
import { vercelConfigFileCheckPlugin } from './vercel-config-file-check.js'
import { vercelEdgeOptionsPlugin } from './vercel-edge-options.js'
import { vercelFirstErrorPlugin } from './vercel-first-error.js'
import { vercelOriginalUrlPlugin } from './vercel-original-url.js'
import { vercelPreviewPlugin } from './vercel-preview/plugin.js'
import { vercelProductionEnvPlugin } from './vercel-production-env.js'
import { pageFunctionPath, pageRouteRegex } from './vercel-routes.js'
import { type PageSettingsSource, planVercelPages } from './vercel-settings.js'

// The Vercel target: active when the app has `@photonjs/vercel` installed. Photon's Vercel adapter writes the
// Build Output API (`.vercel/output`); this file decides which of vike-photon's entries become functions:
// - the server function (`_vike/server`: the user's server, or Photon's built-in one, with every page and the
//   catch-all) answers whatever no other function or static file answers;
// - a page with `isr` or `edge: true` gets its own function (a prerender function for ISR, an edge function);
// - each API endpoint (`photon.endpoints`) gets its own function;
// - pre-rendered pages are files in `static/`, never functions;
// - other pages and the catch-all stay in the server function only (their Photon entries are kept, so the server
//   routes them, but they are not emitted as functions of their own).

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
  supportedServers: 'any',
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
    // Names of the entries that are routed by the server function but are no function of their own.
    const serverOnly = new Set<string>()
    return [
      vercelConfigFileCheckPlugin(ctx),
      vercelFirstErrorPlugin(ctx),
      vercelAdapterDepsPlugin(adapter),
      vercelProductionEnvPlugin(ctx),
      vercelPagesPlugin(ctx, vercelConfig, serverOnly),
      ...vercel(vercelConfig),
      vercelEdgeOptionsPlugin(ctx),
      vercelServerOnlyPlugin(serverOnly),
      vercelServerEntryPlugin(ctx),
      vercelOriginalUrlPlugin(ctx),
      // `vike preview` serves .vercel/output the way Vercel routes it.
      vercelPreviewPlugin(),
    ]
  },
  docs: `${DOCS}/vercel.md`,
}

interface VercelEntryLike {
  name?: string
  route?: string
  target?: string
  vercel?: {
    destination?: string
    route?: string | boolean
    enforce?: 'pre' | 'post'
    edge?: boolean
    isr?: { expiration: number }
  }
}

/**
 * Turns the app's pages and endpoints into Vercel functions (see the top of this file). Runs after the settings
 * and endpoints plugins have registered their Photon entries, and edits them in place.
 */
const vercelPagesPlugin = (ctx: PluginContext, vercelConfig: ViteVercelConfig, serverOnly: Set<string>) =>
  createPlugin('vercel', () => ({
    config: {
      order: 'post',
      handler(config, { command }) {
        serverOnly.clear()
        // Vercel compresses responses at its edge network; compressing in the function would do it twice.
        ctx.settings = { ...ctx.settings, compress: false }

        const plans = planVercelPages(readPageSettings(ctx))
        const entries = photonEntries(config)

        for (const page of ctx.pages) {
          const plan = plans.find((p) => p.pageId === page.pageId)
          const entry = entries.get(page.name)
          if (!plan || !entry) continue
          // A unit (`photonUnit: true`) is its own function too; the per-page plugin cuts its bundle down to its page.
          const isUnit = ctx.units.some((unit) => unit.pageId === page.pageId)
          if (!plan.prerendered && (plan.isr || plan.edge || isUnit) && page.route) {
            // Inside the function, the handler also answers the page's page-context request.
            entry.route = ownBundleRoute(page.route)
            entry.vercel = {
              destination: pageFunctionPath(page.pageId),
              // A regular expression, so the page-context request of client-side navigation reaches it as well.
              route: pageRouteRegex(page.route),
              enforce: 'pre',
              ...(plan.edge ? { edge: true } : {}),
              ...(plan.isr ? { isr: { expiration: plan.isr.expiration } } : {}),
            }
          } else {
            serverOnly.add(page.name)
          }
        }

        serverOnly.add(CATCH_ALL_ENTRY)

        for (const endpoint of ctx.endpoints) {
          const entry = entries.get(endpoint.name)
          if (entry) entry.vercel = { destination: endpoint.path, enforce: 'pre' }
        }

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
 * Photon's Vercel adapter gives every entry of a Vercel environment a function (`target`). Entries that the server
 * function routes on its own lose it again: they stay in the server bundle (same environment), with no function.
 */
const vercelServerOnlyPlugin = (serverOnly: Set<string>) =>
  createPlugin('vercel:server-only', () => ({
    apply: 'build',
    buildStart: {
      order: 'post',
      handler() {
        const photon = (this.environment.config as unknown as { photon?: { entries?: VercelEntryLike[] } }).photon
        for (const entry of photon?.entries ?? []) {
          if (entry.name && serverOnly.has(entry.name)) delete entry.target
        }
      },
    },
  }))(undefined as never)

/**
 * Vike finds its production entry next to `dist/server/index.mjs` on Node; a Vercel function has no such file, so the
 * entry is bundled into every function that renders pages: each page handler (and the catch-all) imports it. Not the
 * handlers of units (`photonUnit`): their functions import their own, smaller entry (plugin/per-page-plugin.ts).
 */
const vercelServerEntryPlugin = (ctx: PluginContext) =>
  createPlugin('vercel:vike-entry', () => ({
    apply: 'build',
    applyToEnvironment: (environment) => VERCEL_ENVIRONMENTS.has(environment.name),
    transform: {
      filter: { id: new RegExp(`^${escapeRegex(HANDLER_MODULE_PREFIX)}`) },
      handler(code, id) {
        const entryName = id.slice(HANDLER_MODULE_PREFIX.length)
        if (ctx.units.some((unit) => unit.name === entryName)) return undefined
        return { code: `import ${JSON.stringify(VIKE_SERVER_ENTRY)}\n${code}`, map: null }
      },
    },
  }))(ctx)

function escapeRegex(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

type EntryRecord = Record<string, VercelEntryLike>

/**
 * The Photon entries registered so far, by name. Before Photon resolves its config, `photon` is a list of partial
 * configs (one per plugin that contributed), each with its own `entries` record.
 */
function photonEntries(config: { photon?: unknown }) {
  const partials = (Array.isArray(config.photon) ? config.photon : [config.photon]) as (
    | { entries?: EntryRecord }
    | undefined
  )[]
  const records = partials.flatMap((partial) => (partial?.entries ? [partial.entries] : []))
  return {
    get: (name: string) => records.find((record) => name in record)?.[name],
  }
}

/** rou3 `/movies/:id` → Vercel's (path-to-regexp) `/movies/:id`; `/docs/**` → `/docs/:rest*`. */
function toPathToRegexpSource(route: string): string {
  return route.replace(/\/\*\*(?::(\w+))?$/, (_m, name: string | undefined) => `/:${name ?? 'rest'}*`)
}

interface ConfigSourceLike {
  definedAt?: { filePathToShowToUser?: string }
  value?: unknown
}

function readPageSettings(ctx: PluginContext): PageSettingsSource[] {
  const vikeConfig = getVikeConfig()
  const internals = vikeConfig.dangerouslyUseInternals as unknown as {
    _pageConfigs: { pageId: string; configValueSources: Record<string, ConfigSourceLike[] | undefined> }[]
  }
  return ctx.pages.map((page) => {
    const config = (vikeConfig.pages[page.pageId]?.config ?? {}) as Record<string, unknown>
    const sources = internals._pageConfigs.find((p) => p.pageId === page.pageId)?.configValueSources ?? {}
    const definedAt = (name: string) => sources[name]?.[0]?.definedAt?.filePathToShowToUser ?? null
    // Vike's own `vercel: { isr, edge }` setting is read as well, so apps that use it keep working.
    const vikeVercel = (config.vercel ?? {}) as { isr?: unknown; edge?: unknown }
    return {
      pageId: page.pageId,
      route: page.route,
      isr: { value: config.isr ?? vikeVercel.isr, definedAt: definedAt(config.isr !== undefined ? 'isr' : 'vercel') },
      edge: {
        value: config.edge ?? vikeVercel.edge,
        definedAt: definedAt(config.edge !== undefined ? 'edge' : 'vercel'),
      },
      prerender: config.prerender,
      // A server-side setting: read from its source when Vike loaded it at config time (set in a +config file).
      headersResponse:
        config.headersResponse ??
        sources.headersResponse?.flatMap((source) => ('value' in source ? [source.value] : [])),
    }
  })
}
