import { join } from 'node:path'
import type { Plugin } from 'vite'
import { afterEach, describe, expect, it } from 'vitest'
import { PluginContext } from '../src/plugin/context.js'
import { targetPlugins } from '../src/plugin/target-plugin.js'
import { GOOD_WRANGLER_TOML, makeProject, PACKAGE_JSON_WITH_CLOUDFLARE } from './cloudflare-fixtures.js'

const cleanups: (() => void)[] = []
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup()
})

/** Runs vike-photon's target check the way Vite does: `config`, then (settings resolved) `configResolved`. */
async function runCheck(files: Record<string, string>, { server = null as string | null, cloudflare = true } = {}) {
  const made = makeProject(
    { 'package.json': cloudflare ? PACKAGE_JSON_WITH_CLOUDFLARE : '{}', ...files },
    { withCloudflare: cloudflare },
  )
  cleanups.push(made.cleanup)
  const ctx = new PluginContext()
  ctx.root = made.root
  const [check] = (await targetPlugins(ctx)) as [Plugin]
  const hook = <T>(h: unknown) => (h as { handler: (...args: unknown[]) => T }).handler
  const configResult = hook<{ photon?: unknown } | undefined>(check.config).call({}, { root: made.root }, {})
  ctx.settings = {
    server: server ? join(made.root, server) : null,
    hmr: true,
    compress: true,
    static: false,
    endpoints: null,
    entries: {},
    standalone: false,
    definedAt: '/pages/+config.ts',
  }
  hook(check.configResolved).call({}, {})
  return configResult
}

const HONO_SERVER = `import { apply, serve } from '@photonjs/hono'
import { Hono } from 'hono'
const app = new Hono()
apply(app)
export default serve(app)
`
const EXPRESS_SERVER = `import { apply, serve } from '@photonjs/express'
import express from 'express'
const app = express()
apply(app)
export default serve(app)
`

describe('wrangler config', () => {
  it('tells what to create when there is none', async () => {
    await expect(runCheck({})).rejects.toThrowErrorMatchingInlineSnapshot(`
      [VikePhotonError: [vike-photon] The Cloudflare Workers target (chosen because @photonjs/cloudflare is installed) cannot build this app:
        - No wrangler config found in the project root (looked for wrangler.jsonc, wrangler.json, wrangler.toml). Create wrangler.toml with:
            name = "my-app"
            main = "virtual:photon:cloudflare:server-entry"
            compatibility_date = "2026-04-20"
            compatibility_flags = ["nodejs_compat"]
      See node_modules/vike-photon/docs/cloudflare.md]
    `)
  })

  it('lists every missing setting of wrangler.toml at once', async () => {
    const toml = 'name = "app"\nmain = "src/worker.ts"\ncompatibility_date = "2026-04-20"\n'
    await expect(runCheck({ 'wrangler.toml': toml })).rejects.toThrowErrorMatchingInlineSnapshot(`
      [VikePhotonError: [vike-photon] The Cloudflare Workers target (chosen because @photonjs/cloudflare is installed) cannot build this app:
        - \`main\` in wrangler.toml is "src/worker.ts": Photon generates the Worker entry, which wraps your server. Set main = "virtual:photon:cloudflare:server-entry".
        - \`compatibility_flags\` in wrangler.toml lacks "nodejs_compat": Vike and Photon use Node APIs such as AsyncLocalStorage. Add compatibility_flags = ["nodejs_compat"].
      See node_modules/vike-photon/docs/cloudflare.md]
    `)
  })

  it('refuses a compatibility date from before nodejs_compat v2', async () => {
    const toml = `name = "app"\nmain = "virtual:photon:cloudflare:server-entry"\ncompatibility_date = "2024-04-01"\ncompatibility_flags = ["nodejs_compat"]\n`
    await expect(runCheck({ 'wrangler.toml': toml })).rejects.toThrow(
      '`compatibility_date` in wrangler.toml is "2024-04-01": before 2024-09-23, "nodejs_compat" is the v1 mode that wrangler 4 refuses. Set compatibility_date = "2026-04-20" (or at least 2024-09-23).',
    )
  })

  it('speaks JSON to wrangler.jsonc users', async () => {
    const jsonc = '{\n  // my worker\n  "name": "app",\n  "compatibility_flags": ["nodejs_compat"],\n}\n'
    await expect(runCheck({ 'wrangler.jsonc': jsonc })).rejects.toThrow(
      '`main` in wrangler.jsonc is not set: Photon generates the Worker entry, which wraps your server. Set "main": "virtual:photon:cloudflare:server-entry".',
    )
  })

  it('accepts a complete wrangler.toml (comments, multi-line arrays, tables) and turns per-page bundles off', async () => {
    expect(await runCheck({ 'wrangler.toml': GOOD_WRANGLER_TOML })).toEqual({
      photon: { codeSplitting: { framework: false } },
    })
  })

  it('accepts a complete wrangler.jsonc with comments and trailing commas', async () => {
    const jsonc = `{
      /* Photon's Worker entry */
      "main": "virtual:photon:cloudflare:server-entry", // https://example.com/not-a-comment-end
      "compatibility_flags": ["nodejs_compat",],
    }`
    await expect(runCheck({ 'wrangler.jsonc': jsonc })).resolves.toBeDefined()
  })

  it('reports a wrangler.json that does not parse', async () => {
    await expect(runCheck({ 'wrangler.json': '{ "main": ' })).rejects.toThrow(
      /wrangler\.json could not be read: .*\. Fix its syntax \(wrangler reads it too\)\./,
    )
  })
})

describe('server framework', () => {
  const files = { 'wrangler.toml': GOOD_WRANGLER_TOML }

  it('refuses an Express server at config time, naming it and the supported frameworks', async () => {
    await expect(
      runCheck({ ...files, 'server/index.ts': EXPRESS_SERVER }, { server: 'server/index.ts' }),
    ).rejects.toThrowErrorMatchingInlineSnapshot(`
      [VikePhotonError: [vike-photon] The Cloudflare Workers target (chosen because @photonjs/cloudflare is installed) cannot build this app:
        - \`photon.server\` is server/index.ts, an Express server, which Cloudflare Workers cannot run (supported: hono, h3, srvx). Rewrite server/index.ts with one of those (e.g. \`import { apply, serve } from '@photonjs/hono'\`), or remove \`photon.server\` to use vike-photon's built-in server.
      See node_modules/vike-photon/docs/cloudflare.md]
    `)
  })

  it('refuses a Hattip server', async () => {
    const hattip = "import { createRouter } from '@hattip/router'\nexport default createRouter()\n"
    await expect(runCheck({ ...files, 'server.ts': hattip }, { server: 'server.ts' })).rejects.toThrow(
      '`photon.server` is server.ts, a HatTip server, which Cloudflare Workers cannot run (supported: hono, h3, srvx).',
    )
  })

  it('runs a Hono server', async () => {
    await expect(
      runCheck({ ...files, 'server/index.ts': HONO_SERVER }, { server: 'server/index.ts' }),
    ).resolves.toBeDefined()
  })

  it("runs vike-photon's built-in server (no photon.server)", async () => {
    await expect(runCheck(files)).resolves.toBeDefined()
  })

  it('leaves Express alone on Node', async () => {
    await expect(
      runCheck({ 'server/index.ts': EXPRESS_SERVER }, { server: 'server/index.ts', cloudflare: false }),
    ).resolves.toBeUndefined()
  })
})
