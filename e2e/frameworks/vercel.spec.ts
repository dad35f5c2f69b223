import { expect, test } from '@playwright/test'
import { freePort } from '@vike-photon/test-kit/ports'
import { type RunningServer, run, startServer } from '@vike-photon/test-kit/process'
import { exampleDir, vikeBin } from '../utils/server.js'
import { type DeployedApp, deployedConformance } from './deployed-checks.js'
import { FRAMEWORKS } from './frameworks.js'

// Every server framework of examples/frameworks (and the built-in server) built for Vercel by
// examples/frameworks-vercel (`FRAMEWORK=<id> VERCEL=1 vike build` writes .vercel/output), then served from
// .vercel/output the way Vercel routes it by `vike preview` (packages/vike-photon/src/targets/vercel/preview).
// One build per framework, shared by its tests; the frameworks run one after the other (they share the example's
// .vercel/output).

const dir = exampleDir('frameworks-vercel')

for (const framework of FRAMEWORKS) {
  test.describe(`${framework.name} on Vercel (vike build + vike preview)`, () => {
    // One retry, as in the `vercel` project (playwright.config.ts): a freshly built Vercel function has answered its
    // first request with 404 about once in twenty runs. A retried test is reported as flaky.
    test.describe.configure({ retries: 1 })
    let server: RunningServer | undefined
    let app: DeployedApp
    test.beforeAll(async () => {
      test.setTimeout(240_000)
      const build = await run(vikeBin(dir), ['build'], {
        cwd: dir,
        env: { FRAMEWORK: framework.id, VERCEL: '1' },
        timeoutMs: 180_000,
      })
      expect(build.output).toContain('[vike-photon] Built for Vercel.')
      const port = await freePort()
      app = { url: `http://127.0.0.1:${port}`, port }
      // Without VERCEL: `vike preview` serves the build instead of leaving it to the platform.
      server = await startServer(vikeBin(dir), ['preview'], {
        cwd: dir,
        env: { FRAMEWORK: framework.id, VERCEL: undefined, HOST: undefined, PORT: String(port) },
        url: app.url,
        timeoutMs: 90_000,
      })
    })
    test.afterAll(async () => {
      await server?.stop()
    })

    deployedConformance(framework, { routedBy: 'x-local-vercel', serverFunction: 'function:_vike/server' }, () => app)
  })
}
