import { statSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { type BuildResult, buildFixture, copyFixture } from './helpers/fixture.js'
import { callVercelFunction } from './helpers/vercel.js'

// A Vercel app whose server entry still has the development branch of entries written before vike-photon: it
// imports Vite when NODE_ENV is not "production". See src/targets/vercel/production-env.ts.
let root = ''
let build: BuildResult

beforeAll(async () => {
  root = copyFixture('vercel-dev-server-branch')
  build = await buildFixture(root, { VERCEL: '1' })
}, 180_000)

describe('Vercel build of a server entry with a development-only branch', () => {
  it('builds, without Vite in the server function', () => {
    expect(build.error, build.stdout + build.stderr).toBeNull()
    const size = statSync(join(root, '.vercel/output/functions/_vike/server.func/index.mjs')).size
    // About 0.7 MB; with Vite bundled in, well over 5 MB.
    expect(size).toBeLessThan(2_000_000)
  })

  it('the server function runs the production branch and renders the pages', async () => {
    const mode = await callVercelFunction(root, '_vike/server', '/api/mode')
    expect(mode.status, mode.stderr).toBe(200)
    expect(mode.body).toBe('production')
    const page = await callVercelFunction(root, '_vike/server', '/about')
    expect(page.status, page.stderr).toBe(200)
    expect(page.body).toContain('<h1>About</h1>')
  }, 30_000)
})
