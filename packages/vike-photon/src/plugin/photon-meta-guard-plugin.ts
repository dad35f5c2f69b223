import type { Plugin } from 'vite'
import { createPlugin, hookHandler } from './create-plugin.js'
import { parseHandlerModuleId } from './entry-ids.js'

// Works around a race in @photonjs/core 0.1.22 that made builds fail or serve the wrong routes, about one build in
// five when several builds or many modules resolve at once:
//
// Photon tags each entry module with module meta (`meta.photon`: the entry, its route) while resolving it, through
// `this.resolve()` calls that carry the entry in `custom`. Under concurrent resolution the tag sometimes lands on
// another module resolved at the same moment. Photon's `photon-meta-to-runtime` transform then wraps that module's
// default export with the wrong entry's route, or treats a package file as an entry:
//   - "[photon][Wrong Usage] Entry …/node_modules/@photonjs/core/dist/assert.js must have a default export" (seen with
//     assert.js and @universal-middleware/vercel's servers.js); on Vercel it surfaced as "Could not resolve
//     .vercel/output/_tmp/…/edge.func/index.js", because the adapter's bundling step runs after the failed build;
//   - every page handler of a build enhanced with `path: "/about"`, so `/` answered Hono's "404 Not Found".
//
// The entries themselves are right (`resolvedId` is set per entry from its own id), so before Photon's transform runs,
// the module's tag is checked against them: a module that is an entry gets its own entry back; a package file that is
// no entry is left alone.

const META_TO_RUNTIME = 'photon:photon-meta-to-runtime'

type TransformHandler = (this: TransformContext, code: string, id: string, ...rest: unknown[]) => unknown

interface PhotonEntryLike {
  id?: string
  resolvedId?: string
  name?: string
  type?: string
}

interface TransformContext {
  getModuleInfo(id: string): { meta?: Record<string, unknown> } | null
  environment: { config: { photon?: { entries?: PhotonEntryLike[]; server?: PhotonEntryLike } } }
}

export const photonMetaGuardPlugin = createPlugin('photon-meta-guard', () => ({
  configResolved(config) {
    const target = config.plugins.find((plugin) => plugin.name === META_TO_RUNTIME) as Plugin | undefined
    if (!target?.transform || (target as { vikePhotonGuarded?: boolean }).vikePhotonGuarded) return
    const hook = target.transform as TransformHandler | { handler: TransformHandler }
    const original = hookHandler(hook)
    const guarded: TransformHandler = function (code, id, ...rest) {
      if (!repairEntryMeta(this, id)) return undefined
      return original.call(this, code, id, ...rest)
    }
    ;(target as unknown as Record<string, unknown>).transform =
      typeof hook === 'function' ? guarded : { ...hook, handler: guarded }
    // Photon's plugin is shared by every environment (and every resolved config of one build): wrap it once.
    Object.assign(target, { vikePhotonGuarded: true })
  },
}))

/**
 * Makes the module's Photon tag the one of the entry it is, if it is one. Returns `false` when Photon's transform
 * must skip the module: a package file tagged as an entry it is not.
 */
function repairEntryMeta(context: TransformContext, id: string): boolean {
  const info = context.getModuleInfo(id)
  const tagged = info?.meta?.photon as PhotonEntryLike | undefined
  if (!info?.meta || !tagged) return true
  const photon = context.environment.config.photon
  const entries = [...(photon?.entries ?? []), ...(photon?.server ? [photon.server] : [])]
  // vike-photon's own handler modules name their entry in their id: that decides, whatever the tag says.
  const handlerName = id.startsWith('\0') ? parseHandlerModuleId(id) : null
  if (handlerName === null && tagged.resolvedId === id) return true
  const own = entries.find((entry) => (handlerName !== null ? entry.name === handlerName : entry.resolvedId === id))
  if (own) {
    info.meta.photon = own
    return true
  }
  return !isPackageFile(id)
}

function isPackageFile(id: string): boolean {
  return id.includes('/node_modules/') && !id.startsWith('\0') && !id.startsWith('virtual:')
}
