import { createPlugin } from './create-plugin.js'

// Works around a race in rolldown 1.2.19 (the bundler of vite 8.3.8) that Photon's way of tagging its entries runs
// into on every build.
//
// `this.resolve(id, importer, { custom })` does not hand `custom` to the resolveId hooks itself: rolldown parks the
// options in a Map and passes a receipt, numbered `resolveOptionsMap.size` (PluginContextData#saveResolveOptions), and
// frees it when that resolve ends. With resolves in flight at once, a number is handed out again while its first owner
// still runs: once receipt 0 is freed, the map holds 1 entry and the next resolve gets receipt 1, which is still in
// use. Every hook of the earlier resolve that starts after that point reads the later resolve's `custom`. A build of
// examples/vercel-react hands out 150 to 670 receipts still in use (counted with a probe wrapped around
// saveResolveOptions); test/resolve-receipts.test.ts replays the smallest case.
//
// @photonjs/core 0.1.22 tags an entry's module through `custom` (`setPhotonMeta`, read by its `photon:trickle-meta`
// resolveId hook), and also passes `photonScope` and `photonVirtualImporterSkip` that way. When the resolve of the ISR
// page's function module (`virtual:photon:server-entry-with-entry:node:vike-photon:page:/pages/isr`, no `custom`)
// reads the receipt of the server entry's resolve (`setPhotonMeta: <photon.server>`), the function module is tagged as
// the server, and @photonjs/vercel 0.1.23's loader, which writes `.vc-config.json` and the config.json route from that
// tag, writes the server's again: the ISR function came out without `.vc-config.json` ("unknown runtime"), config.json
// without its route and with the server's twice (issue 12: about one build in six in the test suite's runs).
//
// Workaround: before any module is resolved, each build's receipts are made unique among the resolves in flight.
// Rollup and Vite's dev server pass `custom` directly and have no such map: then this plugin does nothing.

interface ResolveOptionsStore {
  resolveOptionsMap: Map<number, unknown>
  saveResolveOptions(options: unknown): number
}

const patched = new WeakSet<object>()

export const resolveReceiptsPlugin = createPlugin('resolve-receipts', () => ({
  apply: 'build',
  enforce: 'pre',
  buildStart: {
    order: 'pre',
    sequential: true,
    handler() {
      const store = (this as unknown as { data?: unknown }).data
      if (!isResolveOptionsStore(store) || patched.has(store)) return
      patched.add(store)
      store.saveResolveOptions = function saveResolveOptions(options) {
        let receipt = this.resolveOptionsMap.size
        while (this.resolveOptionsMap.has(receipt)) receipt++
        this.resolveOptionsMap.set(receipt, options)
        return receipt
      }
    },
  },
}))

function isResolveOptionsStore(value: unknown): value is ResolveOptionsStore {
  const store = value as Partial<ResolveOptionsStore> | undefined
  return store?.resolveOptionsMap instanceof Map && typeof store.saveResolveOptions === 'function'
}
