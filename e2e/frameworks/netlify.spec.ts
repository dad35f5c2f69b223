import { fileURLToPath } from 'node:url'
import { expect, test } from '@playwright/test'
import { freePort } from '@vike-photon/test-kit/ports'
import { type RunningServer, run, startServer } from '@vike-photon/test-kit/process'
import { exampleDir, vikeBin } from '../utils/server.js'
import { type DeployedApp, deployedConformance } from './deployed-checks.js'
import { FRAMEWORKS } from './frameworks.js'

// The server entries of examples/frameworks that Photon's Netlify adapter takes (Hono, H3, srvx; @photonjs/netlify
// 0.1.3), and the built-in server, built for Netlify by examples/frameworks-netlify (`FRAMEWORK=<id> vike build`
// writes .netlify/v1 and dist/client), then served the way Netlify routes it by e2e/netlify/router.ts. One build per
// framework, shared by its tests; the frameworks run one after the other (they share the example's output).

const dir = exampleDir('frameworks-netlify')
const ON_NETLIFY = ['hono', 'h3', 'srvx', 'builtin']
const tsxBin = fileURLToPath(new URL('../node_modules/.bin/tsx', import.meta.url))
const router = fileURLToPath(new URL('../netlify/router.ts', import.meta.url))

for (const framework of FRAMEWORKS.filter((f) => ON_NETLIFY.includes(f.id))) {
  test.describe(`${framework.name} on Netlify (vike build + local Netlify router)`, () => {
    let server: RunningServer | undefined
    let app: DeployedApp
    test.beforeAll(async () => {
      test.setTimeout(240_000)
      const build = await run(vikeBin(dir), ['build'], {
        cwd: dir,
        env: { FRAMEWORK: framework.id },
        timeoutMs: 180_000,
      })
      const serverName = framework.api ? `${framework.name} server` : 'built-in server'
      expect(build.output).toContain(`[vike-photon] Built for Netlify (${serverName}).`)
      const port = await freePort()
      app = { url: `http://127.0.0.1:${port}`, port }
      server = await startServer(tsxBin, [router, dir, String(port)], { cwd: dir, url: app.url, timeoutMs: 90_000 })
    })
    test.afterAll(async () => {
      await server?.stop()
    })

    deployedConformance(
      framework,
      { routedBy: 'x-local-netlify', serverFunction: 'function:vike-photon-server' },
      () => app,
    )
  })
}

// A server entry Netlify cannot run (Express, Fastify, Elysia, Hattip) fails at config time with a message that
// names it and the fix: packages/vike-photon/test/netlify.test.ts.
