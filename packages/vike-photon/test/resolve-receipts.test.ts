import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { build, type Plugin } from 'vite'
import { afterAll, describe, expect, it } from 'vitest'
import { PluginContext } from '../src/plugin/context.js'
import { resolveReceiptsPlugin } from '../src/plugin/resolve-receipts-plugin.js'

// A real Vite build (rolldown) in which three `this.resolve()` calls with their own `custom` overlap in the order that
// makes rolldown 1.2.19 hand a receipt out twice (src/plugin/resolve-receipts-plugin.ts):
//   resolve 0 starts; resolve 1 starts; resolve 0 ends; resolve 2 starts (gets resolve 1's receipt); resolve 1's next
//   resolveId hook runs and reads the `custom` it finds under its receipt.
// Each target's last resolveId hook records the `custom.tag` it was given.

const root = mkdtempSync(join(tmpdir(), 'vike-photon-receipts-'))
afterAll(() => rmSync(root, { recursive: true, force: true }))

function signal() {
  let fire = () => {}
  const fired = new Promise<void>((resolve) => {
    fire = resolve
  })
  return { fire, fired }
}

async function tagsSeen(plugins: Plugin[]): Promise<Record<string, unknown>> {
  const gateReached = [signal(), signal(), signal()]
  const target0Resolved = signal()
  const seen: Record<string, unknown> = {}
  const entries: Plugin = {
    name: 'test:entries',
    enforce: 'pre',
    async resolveId(id) {
      const match = /^virtual:entry-(\d)$/.exec(id)
      if (!match) return undefined
      const n = Number(match[1])
      if (n === 1) await gateReached[0]?.fired
      if (n === 2) await target0Resolved.fired
      const resolved = await this.resolve(`virtual:target-${n}`, undefined, { custom: { tag: n } })
      if (n === 0) target0Resolved.fire()
      return resolved ? `\0entry-${n}:${resolved.id}` : null
    },
  }
  const gate: Plugin = {
    name: 'test:gate',
    enforce: 'pre',
    async resolveId(id) {
      const n = Number(/^virtual:target-(\d)$/.exec(id)?.[1] ?? Number.NaN)
      if (Number.isNaN(n)) return undefined
      gateReached[n]?.fire()
      if (n === 0) await gateReached[1]?.fired
      if (n === 1) await gateReached[2]?.fired
      return undefined
    },
  }
  const reader: Plugin = {
    name: 'test:reader',
    resolveId(id, _importer, options) {
      if (!id.startsWith('virtual:target-')) return undefined
      seen[id] = (options.custom as { tag?: unknown } | undefined)?.tag
      return `\0${id}`
    },
    load(id) {
      return id.startsWith('\0') ? 'export default 1' : undefined
    },
  }
  await build({
    root,
    configFile: false,
    logLevel: 'silent',
    plugins: [...plugins, entries, gate, reader],
    build: {
      write: false,
      rollupOptions: { input: { a: 'virtual:entry-0', b: 'virtual:entry-1', c: 'virtual:entry-2' } },
    },
  })
  return seen
}

describe('this.resolve() with `custom`, three resolves in flight at once', () => {
  it('with vike-photon: each resolve hands its own `custom` to every resolveId hook', async () => {
    const seen = await tagsSeen([resolveReceiptsPlugin(new PluginContext())])
    expect(seen).toEqual({ 'virtual:target-0': 0, 'virtual:target-1': 1, 'virtual:target-2': 2 })
  })

  // Retried: whether rolldown frees resolve 0's receipt before resolve 2 starts depends on timing on a loaded machine
  // (it once passed when run alone and failed beside a busy load test). A rolldown that fixed the bug fails every try.
  it('rolldown alone (1.2.19) hands resolve 2 the receipt of resolve 1: when this fails, remove the workaround', {
    retry: 4,
  }, async () => {
    const seen = await tagsSeen([])
    expect(seen).toEqual({ 'virtual:target-0': 0, 'virtual:target-1': 2, 'virtual:target-2': 2 })
  })
})
