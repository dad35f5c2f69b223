import { test } from '@playwright/test'
import { appChecks } from './app-checks'
import { type RunningServer, startServer } from './server'

// `vike dev`: the server side runs in workerd through the Cloudflare Vite plugin, which vike-photon added by itself.
let server: RunningServer

test.beforeAll(async () => {
  test.setTimeout(180_000)
  server = await startServer('vike', ['dev', '--port', '5190', '--strictPort', '--host', '127.0.0.1'], { port: 5190 })
  // The first requests make Vite optimize dependencies (and reload the page once): get that over with here.
  for (const path of ['/', '/about', '/bindings']) await fetch(server.url + path)
})

test.afterAll(async () => {
  await server?.stop()
})

test.describe('vike dev (workerd)', () => {
  appChecks(() => server.url)
})
