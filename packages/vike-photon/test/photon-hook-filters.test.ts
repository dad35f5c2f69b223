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

  it("leaves the plugins that only act on Photon's entries out of the client environment", () => {
    const environment = (name: string, consumer: 'client' | 'server') =>
      ({ name, config: { consumer } }) as unknown as Parameters<NonNullable<Plugin['applyToEnvironment']>>[0]
    for (const name of ['photon:trickle-meta', 'photon:photon-meta-to-runtime']) {
      const plugin = plugins.find((p) => p.name === name)
      expect(plugin?.applyToEnvironment?.(environment('client', 'client')), name).toBe(false)
      expect(plugin?.applyToEnvironment?.(environment('ssr', 'server')), name).toBe(true)
    }
    // Photon's own condition still holds on the server: no meta-to-runtime in its inline_ssr environment.
    const metaToRuntime = plugins.find((p) => p.name === 'photon:photon-meta-to-runtime')
    expect(metaToRuntime?.applyToEnvironment?.(environment('inline_ssr', 'server'))).toBe(false)
  })
})
