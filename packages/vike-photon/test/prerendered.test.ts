import { existsSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PluginContext } from '../src/plugin/context.js'
import { prerenderedMessage } from '../src/plugin/prerender-report-plugin.js'
import { cloudflareTarget } from '../src/targets/cloudflare/index.js'
import { nodeTarget } from '../src/targets/index.js'
import { copyFixture, type Run, type RunningServer, run, startServer } from './helpers/fixture.js'

// Apps whose every page has `prerender: true`: Vike removes dist/server after pre-rendering unless told to keep
// it. vike-photon keeps it (the Cloudflare Worker and the app's own server live there) and says what was built.
const vike = fileURLToPath(new URL('../node_modules/.bin/vike', import.meta.url))

function prerenderedApp(config?: string): string {
  const root = copyFixture('all-prerendered')
  // The shared app's page that throws on purpose cannot be pre-rendered.
  rmSync(join(root, 'pages/crash'), { recursive: true })
  if (config) writeFileSync(join(root, 'pages/+config.ts'), config)
  return root
}

describe('vike build of a fully pre-rendered app on Node', () => {
  let root: string
  let build: Run
  let server: RunningServer
  beforeAll(async () => {
    root = prerenderedApp()
    build = await run(vike, ['build'], { cwd: root })
    if (build.code !== 0) throw new Error(`vike build failed:\n${build.stdout}\n${build.stderr}`)
    server = await startServer(root)
  }, 120_000)
  afterAll(() => server?.stop())

  it('says the app is static and how to serve it', () => {
    expect(build.stdout).toContain(
      '  Every page is pre-rendered (3 HTML files in dist/client/). The app is static: deploy dist/client/ ' +
        'to any static host (e.g. `npx serve dist/client`), or serve it with `node dist/server/index.mjs`.',
    )
  })

  it('keeps dist/server, whose server serves the pre-rendered pages', async () => {
    expect(existsSync(join(root, 'dist/client/about/index.html'))).toBe(true)
    const res = await fetch(`${server.url}/about`)
    expect(res.status).toBe(200)
    expect(await res.text()).toContain('<h1>About</h1>')
  })
})

describe('vike build of a fully pre-rendered app with prerender.keepDistServer: false', () => {
  it('does not suggest the Node server that Vike removed', async () => {
    const root = prerenderedApp(`import type { Config } from 'vike/types'
import vikePhoton from 'vike-photon/config'

export default {
  extends: [vikePhoton],
  clientRouting: false,
  prerender: { keepDistServer: false },
} satisfies Config
`)
    const build = await run(vike, ['build'], { cwd: root })
    expect(build.code).toBe(0)
    expect(existsSync(join(root, 'dist/server'))).toBe(false)
    expect(build.stdout).toContain('The app is static: dist/server/ was removed (`prerender.keepDistServer: false`)')
    expect(build.stdout).toContain('`npx serve dist/client`')
    expect(build.stdout).not.toContain('node dist/server/index.mjs')
  }, 120_000)
})

describe('prerenderedMessage', () => {
  const build = { pages: 3, clientDir: 'dist/client', serverDir: 'dist/server', serverKept: true }
  function context(target: typeof nodeTarget, server: string | null = null): PluginContext {
    const ctx = new PluginContext()
    ctx.target = target
    ctx.settings = { server } as PluginContext['settings']
    return ctx
  }

  it('on Cloudflare, names the Worker config that `vike preview` and `wrangler deploy` use', () => {
    expect(prerenderedMessage(context(cloudflareTarget), build)).toBe(
      'Every page is pre-rendered (3 HTML files in dist/client/). Deployed as a Worker with static assets: ' +
        'dist/server/wrangler.json serves dist/client/ as assets and runs dist/server/index.mjs for what is not a file ' +
        '(the 404 page). `vike preview` and `wrangler deploy` use it.',
    )
  })

  it('on Node with a server of its own, says the server still runs its routes', () => {
    expect(prerenderedMessage(context(nodeTarget, '/app/server/index.ts'), build)).toContain(
      "Your server still runs the app's own routes: start it with `node dist/server/index.mjs`.",
    )
  })
})
