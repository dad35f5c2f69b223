import { fileURLToPath } from 'node:url'
import type { Plugin } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PluginContext } from '../src/plugin/context.js'
import { vikePhotonPlugins } from '../src/plugin/index.js'
import { targetPlugins } from '../src/plugin/target-plugin.js'
import { type BuildResult, buildFixture, copyFixture, type RunningServer, startServer } from './helpers/fixture.js'

// An app's own `photon.entries` entry without a route (`{ id }` only): Photon reads its route from the module's export
// at build time, in an `inline_ssr` environment that vike-photon adds only then (plugin/photon-inline-ssr.ts).

describe('an entry of the app without a route', () => {
  let build: BuildResult
  let server: RunningServer | undefined
  beforeAll(async () => {
    const root = copyFixture('entry-without-route')
    build = await buildFixture(root)
    if (!build.error) server = await startServer(root)
  }, 120_000)
  afterAll(() => server?.stop())

  it('builds (with @photonjs/core 0.1.22 alone, Vite 8 refused the environment that reads the route)', () => {
    expect(build.error, build.stderr).toBeFalsy()
  })

  it("is served at the route its module declares, next to the app's pages", async () => {
    const status = await fetch(`${server!.url}/status`)
    expect(status.status).toBe(200)
    expect(await status.json()).toEqual({ status: 'ok' })
    const about = await fetch(`${server!.url}/about`)
    expect(about.status).toBe(200)
    expect(await about.text()).toContain('<h1>About</h1>')
  })
})

/** What the running copy of Photon's `photon:runtime-meta-to-photon` (the first of that name) adds to a build's config. */
function metaPluginConfig(plugins: Plugin[]): unknown {
  // Photon's singleton() keeps the first plugin of a name and disables the others.
  const plugin = plugins.find((p) => p.name === 'photon:runtime-meta-to-photon')
  expect(plugin).toBeDefined()
  return (plugin!.config as (...args: unknown[]) => unknown)({}, { command: 'build', mode: 'production' }) ?? {}
}

describe("Photon's inline_ssr environment", () => {
  it('is not declared in the config of every build', () => {
    const plugins = (vikePhotonPlugins() as unknown[]).filter((p): p is Plugin => !!p && typeof p === 'object')
    expect(metaPluginConfig(plugins)).not.toHaveProperty('environments.inline_ssr')
  })

  it("is not declared by the copy of Photon's Vercel adapter either, which installs Photon's plugins again, first", async () => {
    const ctx = new PluginContext()
    ctx.root = fileURLToPath(new URL('../../../examples/vercel-react/', import.meta.url))
    const plugins = await targetPlugins(ctx)
    expect(ctx.target.name).toBe('vercel')
    expect(metaPluginConfig(plugins)).not.toHaveProperty('environments.inline_ssr')
  })
})
