import type { Plugin } from 'vite'
import { createPlugin } from './create-plugin.js'

// Works around an intermittent build failure in @photonjs/core 0.1.22 (about one build in four on Vercel, also
// seen on Node):
//
//   [plugin photon:photon-meta-to-runtime] …/node_modules/@photonjs/core/dist/assert.js
//   PhotonUsageError: [photon][Wrong Usage] Entry …/assert.js must have a default export
//
// Photon tags its entries with module meta (`meta.photon`) while resolving them, through `this.resolve()` calls that
// carry the entry in `custom`. Under concurrent resolution the tag sometimes lands on an unrelated module that is
// resolved at the same moment (seen: @photonjs/core's assert.js, @universal-middleware/vercel's servers.js), and
// Photon's `photon-meta-to-runtime` transform then treats that package file as an entry and fails. On Vercel the
// failure surfaced as "Could not resolve .vercel/output/_tmp/…/edge.func/index.js", because the adapter's bundling
// step runs after the failed build. An entry is the user's file or a virtual module, never a file inside
// node_modules: for those, the transform is skipped.

const META_TO_RUNTIME = 'photon:photon-meta-to-runtime'

type TransformHandler = (this: unknown, code: string, id: string, ...rest: unknown[]) => unknown

export const photonMetaGuardPlugin = createPlugin('photon-meta-guard', () => ({
  configResolved(config) {
    const target = config.plugins.find((plugin) => plugin.name === META_TO_RUNTIME) as Plugin | undefined
    if (!target?.transform || (target as { vikePhotonGuarded?: boolean }).vikePhotonGuarded) return
    const hook = target.transform as TransformHandler | { handler: TransformHandler }
    const original = typeof hook === 'function' ? hook : hook.handler
    const guarded: TransformHandler = function (this: unknown, code, id, ...rest) {
      if (isPackageFile(id) && !isOwnEntryMeta(this, id)) return undefined
      return original.call(this, code, id, ...rest)
    }
    ;(target as unknown as Record<string, unknown>).transform =
      typeof hook === 'function' ? guarded : { ...hook, handler: guarded }
    // Photon's plugin is shared by every environment (and every resolved config of one build): wrap it once.
    Object.assign(target, { vikePhotonGuarded: true })
  },
}))

function isPackageFile(id: string): boolean {
  return id.includes('/node_modules/') && !id.startsWith('\0') && !id.startsWith('virtual:')
}

/** Whether the module's Photon meta was set for this very module (its `resolvedId`), as for a user's entry. */
function isOwnEntryMeta(context: unknown, id: string): boolean {
  const info = (
    context as { getModuleInfo?: (id: string) => { meta?: Record<string, unknown> } | null }
  ).getModuleInfo?.(id)
  const photon = info?.meta?.photon as { resolvedId?: string } | undefined
  return photon?.resolvedId === id
}
