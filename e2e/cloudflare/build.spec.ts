import { expect, test } from '@playwright/test'
import { appChecks } from './app-checks'
import { type RunningServer, runInExample, startServer } from './server'

// `vike build`, then the build served locally by `vike preview` and by `wrangler dev`, and checked by
// `wrangler deploy --dry-run` (which bundles and validates without an account).
test.beforeAll(async () => {
  test.setTimeout(180_000)
  await runInExample('vike', ['build'])
})

test.describe('vike preview (workerd)', () => {
  let server: RunningServer
  test.beforeAll(async () => {
    test.setTimeout(120_000)
    server = await startServer('vike', ['preview', '--port', '4177', '--host', '127.0.0.1'], {
      port: 4177,
    })
  })
  test.afterAll(async () => {
    await server?.stop()
  })

  appChecks(() => server.url)
})

test.describe('wrangler dev on the build', () => {
  let server: RunningServer
  test.beforeAll(async () => {
    test.setTimeout(120_000)
    server = await startServer(
      'wrangler',
      ['dev', '--config', 'dist/server/wrangler.json', '--ip', '127.0.0.1', '--port', '8790'],
      { port: 8790 },
    )
  })
  test.afterAll(async () => {
    await server?.stop()
  })

  appChecks(() => server.url)
})

test('wrangler deploy --dry-run accepts the build, with its bindings and assets', async () => {
  const output = await runInExample('wrangler', ['deploy', '--dry-run', '--config', 'dist/server/wrangler.json'])
  expect(output).toContain('--dry-run: exiting now.')
  expect(output).toMatch(/env\.KV \(0+\)\s+KV Namespace/)
  expect(output).toContain('env.GREETING ("Hello from wrangler.toml")')
  expect(output).toMatch(/Read \d+ files from the assets directory/)
})
