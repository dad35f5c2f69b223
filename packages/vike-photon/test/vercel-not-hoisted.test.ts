import { copyFileSync, existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type BuildResult, buildFixture, copyFixture, run } from './helpers/fixture.js'
import { callVercelFunction } from './helpers/vercel.js'

// An app whose @universal-middleware/vercel is reachable from @photonjs/vercel only: the layout npm produces when it
// nests it under node_modules/@photonjs/vercel/node_modules, here made by pnpm with `hoist=false` (the fixture's
// .npmrc). Photon's own resolver looks for it elsewhere (see src/targets/vercel/adapter-deps.ts). The packed
// extension is installed into a folder outside the workspace, where the workspace's node_modules are out of reach.
const packageDir = fileURLToPath(new URL('..', import.meta.url))
const tmp = mkdtempSync(join(tmpdir(), 'vike-photon-vercel-not-hoisted-'))
let root = ''
let build: BuildResult

/** The pnpm that runs this test (pnpm sets npm_execpath), else the one on PATH. */
function pnpm(args: string[], cwd: string) {
  const execPath = process.env.npm_execpath
  return execPath && /pnpm/.test(execPath)
    ? run(process.execPath, [execPath, ...args], { cwd })
    : run('pnpm', args, { cwd })
}

beforeAll(async () => {
  const pack = await pnpm(['pack', '--pack-destination', tmp], packageDir)
  if (pack.code !== 0) throw new Error(`pnpm pack failed:\n${pack.stdout}${pack.stderr}`)
  const { version } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version: string }
  root = copyFixture('vercel-not-hoisted', { into: tmp })
  copyFileSync(join(tmp, `vike-photon-${version}.tgz`), join(root, 'vike-photon.tgz'))
  const install = await pnpm(['install', '--ignore-workspace', '--prefer-offline', '--reporter=append-only'], root)
  if (install.code !== 0) throw new Error(`pnpm install failed:\n${install.stdout}${install.stderr}`)
  build = await buildFixture(root, { VERCEL: '1' })
}, 170_000)
afterAll(() => rm(tmp, { recursive: true, force: true }), 60_000)

describe('Vercel build where @universal-middleware/vercel is nested under @photonjs/vercel', () => {
  it('has the layout under test: the package resolves from @photonjs/vercel only', () => {
    expect(existsSync(join(root, 'node_modules/.pnpm/node_modules'))).toBe(false)
    expect(existsSync(join(root, 'node_modules/@universal-middleware/vercel'))).toBe(false)
  })

  it('builds the server function', () => {
    expect(build.error, build.stdout + build.stderr).toBeNull()
    expect(existsSync(join(root, '.vercel/output/functions/_vike/server.func/index.mjs'))).toBe(true)
  })

  it('the server function renders the pages', async () => {
    const response = await callVercelFunction(root, '_vike/server', '/about')
    expect(response.status, response.stderr).toBe(200)
    expect(response.body).toContain('<h1>About</h1>')
  }, 30_000)
})
