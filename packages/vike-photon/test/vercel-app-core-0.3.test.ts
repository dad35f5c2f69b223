import { existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, symlinkSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type BuildResult, buildFixture, copyFixture } from './helpers/fixture.js'
import { callVercelFunction } from './helpers/vercel.js'

// A Vercel app that lists @universal-middleware/core 0.3 itself (a real corpus app, kupras06/random-prize, does).
// @photonjs/core 0.1.22 wraps each handler module's default export in `enhance()`, an export 0.3 does not have; the
// handler modules import it from vike-photon's own copy (src/plugin/virtual-modules-plugin.ts), so the app's copy
// must not matter. The app lives outside the workspace and its node_modules holds what an installed app's does
// (pnpm's strict layout): its own dependencies, linked to this package's copies, with the real 0.3.3 (this package's
// devDependency alias) as @universal-middleware/core; Photon's packages are reachable from vike-photon only.
const packageDir = fileURLToPath(new URL('..', import.meta.url))
const fromPackage = (name: string) => realpathSync(join(packageDir, 'node_modules', name))
const links: Record<string, string> = {
  'vike-photon': packageDir,
  vike: fromPackage('vike'),
  vite: fromPackage('vite'),
  '@photonjs/vercel': fromPackage('@photonjs/vercel'),
  '@universal-middleware/core': fromPackage('@universal-middleware/core-0.3'),
}
const tmp = mkdtempSync(join(tmpdir(), 'vike-photon-vercel-app-core-0.3-'))
let root = ''
let build: BuildResult

beforeAll(async () => {
  root = copyFixture('vercel-app-core-0.3', { into: tmp })
  for (const [name, target] of Object.entries(links)) {
    mkdirSync(dirname(join(root, 'node_modules', name)), { recursive: true })
    symlinkSync(target, join(root, 'node_modules', name), 'dir')
  }
  build = await buildFixture(root, { VERCEL: '1' })
}, 120_000)
afterAll(() => rm(tmp, { recursive: true, force: true }), 60_000)

describe('a Vercel app whose own @universal-middleware/core is 0.3.3', () => {
  it('has the layout under test: the app resolves @universal-middleware/core to 0.3.3', () => {
    // The package's own package.json: the first one up from its entry that names it.
    let dir = dirname(createRequire(join(root, 'package.json')).resolve('@universal-middleware/core'))
    const manifest = () => JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string }
    while (!existsSync(join(dir, 'package.json')) || manifest().name !== '@universal-middleware/core') {
      dir = dirname(dir)
    }
    expect((manifest() as { version?: string }).version).toBe('0.3.3')
    // ...and, as in an installed app, no Photon package of its own (Photon then falls back to the app's copy).
    expect(existsSync(join(root, 'node_modules/@photonjs/runtime'))).toBe(false)
    expect(existsSync(join(root, 'node_modules/@photonjs/core'))).toBe(false)
  })

  it("builds (no '\"enhance\" is not exported' from the app's copy)", () => {
    expect(build.error, build.stdout + build.stderr).toBeNull()
    expect(`${build.stdout}${build.stderr}`).not.toContain('is not exported')
  })

  it('the server function renders the pages', async () => {
    const response = await callVercelFunction(root, '_vike/server', '/about')
    expect(response.status, response.stderr).toBe(200)
    expect(response.body).toContain('<h1>About</h1>')
  }, 30_000)
})
