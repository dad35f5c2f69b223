import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { rawRequest } from '@vike-photon/test-kit/raw-http'
import type { Plugin } from 'vite'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { PluginContext } from '../src/plugin/context.js'
import { resolveSettings } from '../src/plugin/resolve-settings.js'
import { standalonePlugins } from '../src/targets/node/standalone-plugin.js'
import { vercelTarget } from '../src/targets/vercel/index.js'
import { buildFixture, copyFixture, type RunningServer, startServer } from './helpers/fixture.js'

// `photon.standalone`: a real build of the Hono fixture, then its dist/ alone is copied to a folder with no
// node_modules anywhere above it and started there, as in a Docker image that gets only the build.

const VARIANTS = {
  // Everything bundled into dist/server.
  'standalone: true': 'true',
  // Hono stays a package: the trace copies it into dist/server/node_modules.
  "standalone: { external: ['hono'] }": "{ external: ['hono'] }",
} as const

const state: Record<string, { built: string; copy: string; server: RunningServer }> = {}

beforeAll(async () => {
  // The copies must not find a node_modules folder in any parent directory.
  expect(existsSync(join(tmpdir(), 'node_modules'))).toBe(false)
  await Promise.all(
    Object.entries(VARIANTS).map(async ([label, value]) => {
      const built = copyFixture('standalone')
      const config = join(built, 'pages/+config.ts')
      writeFileSync(config, readFileSync(config, 'utf8').replace('standalone: true', `standalone: ${value}`))
      const build = await buildFixture(built)
      if (build.error) throw new Error(`Building the standalone fixture failed: ${build.error}\n${build.stderr}`)
      const copy = mkdtempSync(join(tmpdir(), 'vike-photon-standalone-'))
      cpSync(join(built, 'dist'), join(copy, 'dist'), { recursive: true })
      state[label] = { built, copy, server: await startServer(copy) }
    }),
  )
}, 180_000)
afterAll(async () => {
  await Promise.all(Object.values(state).map(({ server }) => server.stop()))
  for (const { copy } of Object.values(state)) rmSync(copy, { recursive: true, force: true })
})

describe.each(Object.keys(VARIANTS))('a build with %s, run from a copy of dist/ alone', (label) => {
  const get = async (path: string) => {
    const response = await rawRequest(Number(new URL(state[label]!.server.url).port), path)
    return { status: response.status, body: response.body.toString('utf8') }
  }

  it('renders pages and runs the Hono app', async () => {
    const home = await get('/')
    expect(home.status, home.body.slice(0, 500)).toBe(200)
    expect(home.body).toContain('<h1>Home</h1>')
    expect((await get('/about')).body).toContain('<h1>About</h1>')
    const api = await get('/api/hello')
    expect(JSON.parse(api.body)).toEqual({ hello: 'from Hono' })
  })

  it('serves the client build and answers 404 with the error page', async () => {
    const robots = await get('/robots.txt')
    expect(robots.status).toBe(200)
    const asset = (await get('/')).body.match(/src="(\/assets\/[^"]+\.js)"/)?.[1]
    if (asset) expect((await get(asset)).status).toBe(200)
    const missing = await get('/no-such-page')
    expect(missing.status).toBe(404)
  })

  it('keeps dist/client out of dist/server/node_modules', () => {
    const modules = join(state[label]!.copy, 'dist/server/node_modules')
    const copied = existsSync(modules) ? readdirSync(modules, { recursive: true }).map(String) : []
    expect(copied.filter((file) => file.includes('client/assets'))).toEqual([])
  })
})

it("copies an `external` package into dist/server/node_modules, and bundles it when it isn't one", () => {
  const external = state["standalone: { external: ['hono'] }"]!.copy
  expect(existsSync(join(external, 'dist/server/node_modules/hono/package.json'))).toBe(true)
  const bundled = state['standalone: true']!.copy
  expect(existsSync(join(bundled, 'dist/server/node_modules/hono'))).toBe(false)
})

it('stays off on Vercel, and says so', async () => {
  const ctx = new PluginContext()
  ctx.settings = resolveSettings({
    value: { standalone: true },
    definedAt: '/pages/+config.ts',
    definedAtAbsolute: null,
    root: tmpdir(),
  })
  ctx.target = vercelTarget
  const [loader, ...standIns] = standalonePlugins(ctx) as [Plugin, ...Plugin[]]
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
  try {
    await (loader.config as { handler: () => Promise<void> }).handler()
    expect(warn.mock.calls.flat().join('\n')).toContain(
      '`photon.standalone` is ignored on Vercel: its functions are bundled already. Remove it from /pages/+config.ts',
    )
  } finally {
    warn.mockRestore()
  }
  // No stand-in joins the server build.
  for (const plugin of standIns) {
    const apply = plugin.applyToEnvironment as (environment: unknown) => boolean
    expect(apply({ name: 'vercel_node', config: { consumer: 'server' } })).toBe(false)
  }
})
