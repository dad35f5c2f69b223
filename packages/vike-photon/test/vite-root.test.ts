import { existsSync } from 'node:fs'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildFixture, copyFixture, type RunningServer, startServer } from './helpers/fixture.js'

// An app whose Vite root is a subfolder (`root: 'src'` in vite.config, pages in src/pages, the server in
// src/server): `photon.server: 'server/index.ts'` is relative to that root, as it was with vike-server.
let root: string

beforeAll(() => {
  root = copyFixture('vite-root-src', { sourceDir: 'src' })
})

describe('vike build with Vite root src/', () => {
  let server: RunningServer
  beforeAll(async () => {
    const build = await buildFixture(root, {}, { viteRoot: false })
    if (build.error) throw new Error(`vike build failed: ${build.error}\n${build.stdout}\n${build.stderr}`)
    // Vite writes the build under its root, as it did with vike-server.
    server = await startServer(root, {}, { command: [process.execPath, 'src/dist/server/index.mjs'] })
  }, 120_000)
  afterAll(() => server?.stop())

  it('writes the server next to the client, under the root', () => {
    expect(existsSync(join(root, 'src/dist/server/index.mjs'))).toBe(true)
    expect(existsSync(join(root, 'src/dist/client'))).toBe(true)
  })

  it("serves the app's own routes and the pages", async () => {
    const api = await fetch(`${server.url}/api/hello`)
    expect(await api.json()).toEqual({ hello: 'from Hono under src/' })
    const page = await fetch(`${server.url}/about`)
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('<h1>About</h1>')
  })
})

describe('vike dev with Vite root src/', () => {
  let server: RunningServer
  beforeAll(async () => {
    const port = await freePort()
    const vike = fileURLToPath(new URL('../node_modules/.bin/vike', import.meta.url))
    server = await startServer(
      root,
      {},
      {
        command: [vike, 'dev', '--port', String(port), '--host', '127.0.0.1'],
        ready: /(http:\/\/127\.0\.0\.1:\d+)/,
        timeoutMs: 90_000,
      },
    )
  }, 120_000)
  afterAll(() => server?.stop())

  it("serves the app's own routes and the pages", async () => {
    const api = await fetch(`${server.url}/api/hello`)
    expect(await api.json()).toEqual({ hello: 'from Hono under src/' })
    const page = await fetch(`${server.url}/about`)
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('<h1>About</h1>')
  })
})

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number }
      probe.close(() => resolve(port))
    })
  })
}
