// Photon's entry table, planned once: from the app's pages, endpoints, per-page settings and the deploy target to
// the entries vike-photon registers (entries-plugin.ts) and the pages that get a bundle of their own. Pure: unit-tested
// in test/entries.test.ts.

import type { TargetCapabilities } from '../targets/types.js'
import { pageFunctionPath, pageRouteRegex } from '../targets/vercel/routes.js'
import type { PageEntry } from './context.js'
import type { EndpointEntry } from './endpoints.js'
import { CATCH_ALL_ENTRY, handlerModuleId } from './entry-ids.js'
import { CATCH_ALL_ROUTE, ownBundleRoute } from './route.js'

/**
 * What Photon's Vercel adapter reads from an entry (@photonjs/vercel 0.1.23): the options of targets whose units are
 * bundled by Photon's adapter (`units.bundle: 'photon-adapter'`). Vercel's is the only such adapter so far.
 */
export interface VercelEntryOptions {
  destination: string
  /** A regular expression (as a string) for config.json; the entry's `route` applies inside the function. */
  route?: string
  enforce: 'pre' | 'post'
  edge?: boolean
  isr?: { expiration: number }
}

export interface PlannedEntry {
  id: string
  type: 'universal-handler'
  route: string
  vercel?: VercelEntryOptions
}

/** The app's own `photon.entries`, passed through as written. */
export type UserEntry = string | { id: string; route?: string; [key: string]: unknown }

/** What a page asks of its target, beyond `photonUnit` (Vercel: targets/vercel/settings.ts). */
export interface PageDeployPlan {
  pageId: string
  isr: { expiration: number } | null
  edge: boolean
  prerendered: boolean
}

export interface EntryPlanInput {
  /** The target's `capabilities.units`: whether and how pages are deployed on their own. */
  units: TargetCapabilities['units']
  pages: readonly PageEntry[]
  endpoints: readonly EndpointEntry[]
  userEntries?: Readonly<Record<string, UserEntry>>
  /** Page ids with `photonUnit: true` (already validated: each has a route string). */
  photonUnits: ReadonlySet<string>
  /** Per-page ISR, edge and pre-rendering, on targets that read them (Vercel's `pageSettings`). */
  deployPlans?: readonly PageDeployPlan[]
}

export interface EntryPlan {
  /** `photon.entries`, registered once. */
  entries: Record<string, UserEntry | PlannedEntry>
  /**
   * Pages bundled on their own, holding only that page, the error page and the shared runtime: Node's
   * `dist/server/units/*.mjs`, Netlify's and Vercel's page functions (photonUnit, ISR or edge alike).
   */
  units: PageEntry[]
  /** Entries the server bundle routes that must not become functions of their own (units bundled by Photon's adapter). */
  serverOnly: string[]
}

/** A page that only Vike's router can match (route function, catch-all glob) has no entry: the catch-all serves it. */
const hasOwnRoute = (page: PageEntry): page is PageEntry & { route: string } =>
  page.route !== null && page.route !== CATCH_ALL_ROUTE

export function planEntries(input: EntryPlanInput): EntryPlan {
  const { pages, endpoints } = input
  // Photon's adapter makes a function of every entry: its options go on the entries, the others stay server-only.
  const byAdapter = input.units !== false && input.units.bundle === 'photon-adapter'
  const deployPlan = new Map((input.deployPlans ?? []).map((plan) => [plan.pageId, plan]))
  const entries: Record<string, UserEntry | PlannedEntry> = { ...input.userEntries }
  const units: PageEntry[] = []
  const serverOnly: string[] = []

  for (const page of pages) {
    if (!hasOwnRoute(page)) continue
    const plan = deployPlan.get(page.pageId)
    const isUnit = isOwnBundle(input.units, input.photonUnits.has(page.pageId), plan)
    const entry: PlannedEntry = {
      id: handlerModuleId(page.name),
      type: 'universal-handler',
      // A page bundled alone also answers its page-context request (`/about/index.pageContext.json`).
      route: isUnit ? ownBundleRoute(page.route) : page.route,
    }
    if (isUnit) units.push(page)
    if (byAdapter) {
      if (isUnit) {
        entry.vercel = {
          destination: pageFunctionPath(page.pageId),
          // A regular expression, so the page-context request of client-side navigation reaches it as well.
          route: pageRouteRegex(page.route),
          enforce: 'pre',
          ...(plan?.edge ? { edge: true } : {}),
          ...(plan?.isr ? { isr: { expiration: plan.isr.expiration } } : {}),
        }
      } else {
        serverOnly.push(page.name)
      }
    }
    entries[page.name] = entry
  }

  entries[CATCH_ALL_ENTRY] = { id: handlerModuleId(CATCH_ALL_ENTRY), type: 'universal-handler', route: CATCH_ALL_ROUTE }
  if (byAdapter) serverOnly.push(CATCH_ALL_ENTRY)

  for (const endpoint of endpoints) {
    entries[endpoint.name] = {
      id: endpoint.id,
      type: 'universal-handler',
      route: endpoint.route,
      // Each endpoint is a function of its own, where the adapter makes functions.
      ...(byAdapter ? { vercel: { destination: endpoint.path, enforce: 'pre' as const } } : {}),
    }
  }
  return { entries, units, serverOnly }
}

/**
 * Whether a page is bundled alone. Where units are functions (Vercel, Netlify): every page that gets a function of its
 * own, for any reason (photonUnit, ISR, edge). Elsewhere (Node): `photonUnit` pages. Never a pre-rendered page (a
 * static file), nor on a target without units (Cloudflare: one Worker; resolve-settings.ts says so once).
 */
function isOwnBundle(
  units: TargetCapabilities['units'],
  photonUnit: boolean,
  plan: PageDeployPlan | undefined,
): boolean {
  if (units === false || plan?.prerendered) return false
  return photonUnit || (units.functions && (Boolean(plan?.isr) || Boolean(plan?.edge)))
}
