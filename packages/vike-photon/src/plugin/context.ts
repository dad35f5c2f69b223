import type { ResolvedPageSettings, ResolvedSettings } from '../settings.js'
import type { TargetDefinition } from '../targets/types.js'
import type { EndpointEntry } from './endpoints.js'

/** A Vike page as vike-photon deploys it: one Photon entry per page. */
export interface PageEntry {
  /** Vike's page id, e.g. `/pages/about`. */
  pageId: string
  /** The Photon entry name, unique per page, e.g. `vike-photon:page:/pages/about`. */
  name: string
  /** rou3 pattern (e.g. `/movies/:id`), or `null` when only Vike's router can match it (route functions). */
  route: string | null
  /** The module that handles the page's requests. */
  id: string
}

/**
 * State shared by vike-photon's sub-plugins. Filled in by the `config` hook of the settings plugin (settings are
 * resolved there once: later hooks read them, never write them); the getters
 * throw if a later hook runs before it, which would be a bug in vike-photon, not in the user's app.
 */
export class PluginContext {
  #settings: ResolvedSettings | undefined
  #pages: PageEntry[] | undefined
  #pageSettings: ResolvedPageSettings[] | undefined
  #target: TargetDefinition | undefined
  root = process.cwd()
  /** API endpoints from `photon.endpoints` (filled by the endpoints plugin). */
  endpoints: EndpointEntry[] = []
  /** Page ids with `photonUnit: true` that the target can deploy, resolved by the settings plugin. */
  photonUnits: ReadonlySet<string> = new Set()
  /** Pages bundled on their own (plan-entries.ts), filled by the entries plugin. */
  units: PageEntry[] = []
  /** Entries the server bundle routes that are no function of their own (Vercel), filled by the entries plugin. */
  serverOnly: ReadonlySet<string> = new Set()
  /** What a fully pre-rendered build deploys (prerender-report-plugin.ts), for the build summary. */
  prerenderReport: string | null = null
  /** Whether the app has a `+middleware` (Vike's), read by the settings plugin; see internal-imports-plugin.ts. */
  hasMiddleware = true

  set settings(settings: ResolvedSettings) {
    this.#settings = settings
  }
  get settings(): ResolvedSettings {
    if (!this.#settings) throw new Error('[vike-photon] Expected settings to be resolved (bug in vike-photon)')
    return this.#settings
  }

  set pages(pages: PageEntry[]) {
    this.#pages = pages
  }
  get pages(): PageEntry[] {
    if (!this.#pages) throw new Error('[vike-photon] Expected pages to be resolved (bug in vike-photon)')
    return this.#pages
  }

  /** Each page's deploy settings, checked by the target (its row's `pageSettings`); empty on targets without any. */
  set pageSettings(pageSettings: ResolvedPageSettings[]) {
    this.#pageSettings = pageSettings
  }
  get pageSettings(): ResolvedPageSettings[] {
    if (!this.#pageSettings) throw new Error('[vike-photon] Expected page settings to be resolved (bug in vike-photon)')
    return this.#pageSettings
  }

  /** The deploy target, picked from what the project has installed (see targets/index.ts). */
  set target(target: TargetDefinition) {
    this.#target = target
  }
  get target(): TargetDefinition {
    if (!this.#target) throw new Error('[vike-photon] Expected the target to be detected (bug in vike-photon)')
    return this.#target
  }
}
