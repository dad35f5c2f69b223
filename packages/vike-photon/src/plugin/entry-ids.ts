// Every name and virtual module id that vike-photon gives Photon, Vike and Vite, with the helpers that build them and
// read them back. One place, so that no plugin guesses another plugin's naming. Unit-tested in test/entries.test.ts.

// --- Photon entry names (the keys of `photon.entries`) ---

const PAGE_ENTRY_PREFIX = 'vike-photon:page:'
const ENDPOINT_ENTRY_PREFIX = 'vike-photon:endpoint:'
/** The catch-all entry: pages with route functions, unknown URLs (404) and page-context requests. */
export const CATCH_ALL_ENTRY = 'vike-photon:catch-all'

/** `/pages/about` → `vike-photon:page:/pages/about`. */
export const pageEntryName = (pageId: string) => `${PAGE_ENTRY_PREFIX}${pageId}`
/** `/api/hello` → `vike-photon:endpoint:/api/hello`. */
export const endpointEntryName = (route: string) => `${ENDPOINT_ENTRY_PREFIX}${route}`

export type EntryName = { kind: 'page'; pageId: string } | { kind: 'endpoint'; route: string } | { kind: 'catch-all' }

/** What a Photon entry name stands for; `null` for an entry that is not vike-photon's (the app's `photon.entries`). */
export function parseEntryName(name: string): EntryName | null {
  if (name === CATCH_ALL_ENTRY) return { kind: 'catch-all' }
  if (name.startsWith(PAGE_ENTRY_PREFIX)) return { kind: 'page', pageId: name.slice(PAGE_ENTRY_PREFIX.length) }
  if (name.startsWith(ENDPOINT_ENTRY_PREFIX))
    return { kind: 'endpoint', route: name.slice(ENDPOINT_ENTRY_PREFIX.length) }
  return null
}

// --- vike-photon's virtual modules (`virtual:vike-photon:*`) ---

const HANDLER_PREFIX = 'virtual:vike-photon:handler:'
/** The runtime settings module (the parts of `photon` that the server reads at request time). */
export const RUNTIME_SETTINGS_ID = 'virtual:vike-photon:runtime-settings'

/** The module of a page's (or the catch-all's) universal handler, by its entry name. */
export const handlerModuleId = (entryName: string) => `${HANDLER_PREFIX}${entryName}`

/** The entry name of a handler module, from its id (resolved, `\0`-prefixed, or not); `null` for any other id. */
export function parseHandlerModuleId(id: string): string | null {
  const bare = id.startsWith('\0') ? id.slice(1) : id
  return bare.startsWith(HANDLER_PREFIX) ? bare.slice(HANDLER_PREFIX.length) : null
}

const UNIT_SERVER_ENTRY_PREFIX = 'virtual:vike-photon:unit-server-entry:'
const UNIT_GLOBAL_ENTRY_PREFIX = 'virtual:vike-photon:unit-global-entry:'
/** A unit's handler for every URL that is not its page's: Vike, knowing only that page, renders the error page. */
export const UNIT_FALLBACK_ID = 'virtual:vike-photon:unit-fallback'

/** A unit's copy of Vike's production entry: registers only the unit's page (and the error page) with Vike. */
export const unitServerEntryId = (pageId: string) => `${UNIT_SERVER_ENTRY_PREFIX}${pageId}`
/** A unit's copy of Vike's global entry. */
export const unitGlobalEntryId = (pageId: string) => `${UNIT_GLOBAL_ENTRY_PREFIX}${pageId}`

export type UnitModule = { kind: 'server-entry' | 'global-entry'; pageId: string } | { kind: 'fallback' }

/** Which unit module an id (resolved, `\0`-prefixed, or not) is; `null` for any other id. */
export function parseUnitModuleId(id: string): UnitModule | null {
  const bare = id.startsWith('\0') ? id.slice(1) : id
  if (bare === UNIT_FALLBACK_ID) return { kind: 'fallback' }
  if (bare.startsWith(UNIT_SERVER_ENTRY_PREFIX))
    return { kind: 'server-entry', pageId: bare.slice(UNIT_SERVER_ENTRY_PREFIX.length) }
  if (bare.startsWith(UNIT_GLOBAL_ENTRY_PREFIX))
    return { kind: 'global-entry', pageId: bare.slice(UNIT_GLOBAL_ENTRY_PREFIX.length) }
  return null
}

// --- Vike's modules (vike 0.4.266) ---

/** Vike's production entry (the pages, the assets manifest), as @brillout/vite-plugin-server-entry names it. */
export const VIKE_SERVER_ENTRY = 'virtual:@brillout/vite-plugin-server-entry:serverEntry'
/** Vike's server-side global entry: every page's config and lazy page import. */
export const VIKE_GLOBAL_ENTRY = 'virtual:vike:global-entry:server'

// --- Photon's modules (@photonjs/core 0.1.22), read back only ---

const SERVER_WITH_ENTRY = /^\0?(?:[^\0]*:)?virtual:photon:server-entry-with-entry:(node|edge):(.+)$/
/**
 * Photon's "server with one entry" module (the user's server, the middleware chain and one handler): the root of a
 * function or unit that Photon bundles on its own.
 */
export function parsePhotonServerWithEntryId(id: string): { condition: string; entryName: string } | null {
  const match = SERVER_WITH_ENTRY.exec(id)
  return match ? { condition: match[1] as string, entryName: match[2] as string } : null
}
export const PHOTON_SERVER_WITH_ENTRY_FILTER = /virtual:photon:server-entry-with-entry:/

const GET_MIDDLEWARES = /^\0?virtual:photon:get-middlewares:([^:]+):([^:]+):(.+)$/
/** Photon's middleware list for one entry's own bundle (`virtual:photon:get-middlewares:<cond>:<server>:<entry>`). */
export function parsePhotonEntryMiddlewaresId(id: string): { condition: string; entryName: string } | null {
  const match = GET_MIDDLEWARES.exec(id)
  return match ? { condition: match[1] as string, entryName: match[3] as string } : null
}
export const PHOTON_ENTRY_MIDDLEWARES_FILTER = /virtual:photon:get-middlewares:[^:]+:[^:]+:/

/**
 * vike-photon's own `@universal-middleware/core`, for the handler modules' `enhance` (see virtual-modules-plugin.ts).
 * The id must contain "@universal-middleware/core": that is how Photon recognises an `enhance` import.
 */
export const OWN_UNIVERSAL_MIDDLEWARE_CORE_ID = 'virtual:vike-photon:@universal-middleware/core'
