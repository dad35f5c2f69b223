import type { Plugin } from 'vite'

// @photonjs/core 0.1.22 (through @photonjs/runtime 0.1.17's installPhoton) gives some of its resolveId and load
// hooks no `filter`, although each returns at once unless the id is one of Photon's virtual modules
// (`ifPhotonModule()`, which matches `^virtual:photon:…`). Without a filter, Rolldown calls into JavaScript for every
// import of both builds (client and server), for nothing. The hooks below get the filter their own first line
// applies. Two plugins whose hooks look at `custom` options or at module meta only ever find what they look for on
// Photon's entries, which are server code: they are left out of the client environment. The hooks that look at the
// importer keep running for every module.

const PHOTON_VIRTUAL_ID = /^virtual:photon:/

/** Plugin name (or name prefix, ending in `:`) → hooks whose handler starts with `ifPhotonModule(…, id, …)`. */
const FILTERABLE: Record<string, readonly ('resolveId' | 'load')[]> = {
  'photon:get-middlewares': ['resolveId', 'load'],
  'photon:resolve-from-photon': ['resolveId'],
  // One per integration, e.g. `photon:resolve-from-photon:vike-photon`.
  'photon:resolve-from-photon:': ['resolveId'],
  'photon:resolve-virtual-module:': ['resolveId'],
}

/**
 * Plugins that only act on Photon's entries: `photon:trickle-meta` on resolves that pass `custom.setPhotonMeta` (only
 * Photon's resolve-server and resolve-handler do, for its entries), `photon:photon-meta-to-runtime` on modules tagged as
 * a `universal-handler` entry. Without this, the latter's `transform` was handed every module of the client build.
 */
const SERVER_ONLY = new Set(['photon:trickle-meta', 'photon:photon-meta-to-runtime'])

function filterableHooks(name: string): readonly ('resolveId' | 'load')[] {
  for (const [key, hooks] of Object.entries(FILTERABLE)) {
    if (key.endsWith(':') ? name.startsWith(key) : name === key) return hooks
  }
  return []
}

/**
 * Adds `filter: { id: /^virtual:photon:/ }` to the Photon hooks that only ever act on such ids, and leaves the plugins
 * that only act on Photon's entries out of the client environment (see above).
 */
export function withPhotonHookFilters(plugins: Plugin[]): Plugin[] {
  for (const plugin of plugins) {
    if (SERVER_ONLY.has(plugin.name)) {
      const own = plugin.applyToEnvironment
      plugin.applyToEnvironment = (environment) =>
        environment.config.consumer === 'server' && (own ? own.call(plugin, environment) : true)
    }
    for (const hookName of filterableHooks(plugin.name)) {
      const hook = plugin[hookName] as unknown
      if (typeof hook === 'function') {
        ;(plugin as unknown as Record<string, unknown>)[hookName] = { filter: { id: PHOTON_VIRTUAL_ID }, handler: hook }
      } else if (hook && typeof hook === 'object' && !('filter' in hook)) {
        ;(plugin as unknown as Record<string, unknown>)[hookName] = { ...hook, filter: { id: PHOTON_VIRTUAL_ID } }
      }
    }
  }
  return plugins
}
