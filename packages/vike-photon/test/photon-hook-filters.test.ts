import type { Plugin } from 'vite'
import { describe, expect, it } from 'vitest'
import { vikePhotonPlugins } from '../src/plugin/index.js'

// Photon's plugins come as a flat list; the cast keeps TypeScript from expanding PluginOption's nested arrays.
const plugins = (vikePhotonPlugins() as unknown[]).filter((p): p is Plugin => !!p && typeof p === 'object')

/** `name hook` for each resolveId/load hook of a Photon plugin, with `(filter)` when it has one. */
const photonHooks = plugins
  .filter((p) => typeof p.name === 'string' && p.name.startsWith('photon:'))
  .flatMap((p) =>
    (['resolveId', 'load'] as const)
      .filter((h) => p[h])
      .map((h) => {
        const hook = p[h] as { filter?: { id?: unknown } } | ((...args: unknown[]) => unknown)
        const filter = typeof hook === 'object' ? hook.filter?.id : undefined
        return `${p.name} ${h}${filter ? ` (filter ${String(filter)})` : ''}`
      }),
  )

describe("filters on Photon's hooks (@photonjs/core 0.1.22)", () => {
  it('gives the hooks that only act on virtual:photon: ids the filter of their first line', () => {
    expect(photonHooks).toEqual(
      expect.arrayContaining([
        'photon:resolve-from-photon resolveId (filter /^virtual:photon:/)',
        'photon:get-middlewares resolveId (filter /^virtual:photon:/)',
        'photon:get-middlewares load (filter /^virtual:photon:/)',
        'photon:resolve-from-photon:vike-photon resolveId (filter /^virtual:photon:/)',
        'photon:resolve-virtual-module:vike-photon resolveId (filter /^virtual:photon:/)',
      ]),
    )
  })

  it('leaves the hooks that look at the importer or at resolve options as they are', () => {
    expect(photonHooks).toEqual(
      expect.arrayContaining([
        'photon:resolve-importer resolveId',
        'photon:trickle-meta resolveId',
        'photon:resolve-virtual-importer:vike-photon resolveId',
      ]),
    )
  })
})
