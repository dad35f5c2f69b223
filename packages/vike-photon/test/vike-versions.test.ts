import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { rawRequest } from '@vike-photon/test-kit/raw-http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildFixture, copyFixture, type RunningServer, run, startServer } from './helpers/fixture.js'

// vike-photon declares `require: { vike: '>=0.4.256' }`. This installs the packed extension (what npm users get)
// into apps pinned to the oldest supported vike (0.4.256, the release before vike's built-in `+server`) and to
// the current one, each in its own folder outside the workspace, then builds and serves them.
const VERSIONS = ['0.4.256', '0.4.266']
const packageDir = fileURLToPath(new URL('..', import.meta.url))
const tmp = mkdtempSync(join(tmpdir(), 'vike-photon-versions-'))
const servers: Record<string, RunningServer> = {}
const installed: Record<string, string> = {}

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
  const tarball = join(
    tmp,
    `vike-photon-${JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')).version}.tgz`,
  )
  await Promise.all(
    VERSIONS.map(async (version) => {
      const root = copyFixture(`vike-${version}`, { into: tmp })
      copyFileSync(tarball, join(root, 'vike-photon.tgz'))
      const install = await pnpm(['install', '--ignore-workspace', '--prefer-offline', '--reporter=append-only'], root)
      if (install.code !== 0) throw new Error(`pnpm install failed:\n${install.stdout}${install.stderr}`)
      installed[version] = JSON.parse(readFileSync(join(root, 'node_modules/vike/package.json'), 'utf8')).version
      const build = await buildFixture(root)
      if (build.error) throw new Error(`Building with vike ${version} failed: ${build.error}\n${build.stderr}`)
      servers[version] = await startServer(root)
    }),
  )
}, 170_000)
afterAll(async () => {
  await Promise.all(Object.values(servers).map((server) => server.stop()))
  rmSync(tmp, { recursive: true, force: true })
})

describe.each(VERSIONS)('vike %s with vike-photon installed from its tarball', (version) => {
  const get = (path: string, method = 'GET') =>
    rawRequest(Number(new URL(servers[version]!.url).port), path, { method })

  it('uses that vike version', () => {
    expect(installed[version]).toBe(version)
  })

  it('builds and serves pages, the error page and static files', async () => {
    const home = await get('/')
    expect(home.status, home.body.toString().slice(0, 500)).toBe(200)
    expect(home.body.toString()).toContain('<h1>Home</h1>')
    expect((await get('/about')).body.toString()).toContain('<h1>About</h1>')
    const missing = await get('/nope')
    expect(missing.status).toBe(404)
    expect(missing.body.toString()).toContain('404 Page Not Found')
    const robots = await get('/robots.txt')
    expect(robots.status).toBe(200)
    expect(robots.body.toString()).toBe('User-agent: *\n')
  })

  it('answers HEAD, other methods and malformed URLs', async () => {
    const head = await get('/about', 'HEAD')
    expect(head.status).toBe(200)
    expect(head.body.length).toBe(0)
    const post = await get('/about', 'POST')
    expect(post.status).toBe(405)
    expect(post.headers.allow).toBe('GET, HEAD')
    expect((await get('/%E0%A4%A')).status).toBe(400)
  })
})
