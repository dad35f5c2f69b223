import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { userEnv } from './helpers/fixture.js'

// The package as npm ships it (`pnpm pack`), installed the way docs/getting-started.md says, with plain npm, in a
// fresh folder outside the workspace: the install resolves (no ERESOLVE), the app does not get the migration's
// libraries, and `npx vike-photon migrate` still runs from the installed package.
const packageDir = fileURLToPath(new URL('..', import.meta.url))
const gettingStarted = readFileSync(join(packageDir, '../../docs/getting-started.md'), 'utf8')
let work: string
let tarball: string

function pnpm(): string[] {
  const execPath = process.env.npm_execpath
  return execPath && /pnpm/.test(execPath) ? [process.execPath, execPath] : ['pnpm']
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'vike-photon-boundary-'))
  const [command, ...args] = pnpm()
  execFileSync(command!, [...args, 'pack', '--pack-destination', work], { cwd: packageDir, stdio: 'ignore' })
  tarball = join(work, readdirSync(work).find((f) => f.endsWith('.tgz'))!)
})
// Two apps' node_modules: removing them takes longer than the default hook timeout on a busy machine.
afterAll(() => rmSync(work, { recursive: true, force: true }), 60_000)

describe('the packed package', () => {
  it('ships the CLI bundled and the docs, in a small tarball', () => {
    const files = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).split('\n')
    expect(files).toContain('package/dist/cli/index.js')
    expect(files).toContain('package/docs/migration.md')
    expect(files).toContain('package/docs/troubleshooting.md')
    const pkg = JSON.parse(execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' }))
    for (const name of ['jscodeshift', 'diff', 'jsonc-parser', 'recast', '@babel/parser']) {
      expect(pkg.dependencies[name], name).toBeUndefined()
    }
    expect(readFileSync(tarball).length).toBeLessThan(600 * 1024)
  })

  it('installs with getting-started.md npm commands in order, without the CLI libraries', { timeout: 300_000 }, () => {
    const app = join(work, 'my-app')
    execFileSync('mkdir', ['-p', app])
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'my-app', private: true, type: 'module' }))
    const block = /```sh install\n([\s\S]*?)```/.exec(gettingStarted)
    expect(block).not.toBeNull()
    const commands = block![1]!.split('\n').filter((line) => line.trim())
    expect(commands.length).toBeGreaterThanOrEqual(2)
    for (const line of commands) {
      const [npm, ...args] = line.trim().split(/\s+/)
      expect(npm).toBe('npm')
      const argv = args.map((a) => (a.startsWith('vike-photon@') ? tarball : a))
      const r = spawnSync('npm', [...argv, '--no-audit', '--no-fund', '--ignore-scripts', '--prefer-offline'], {
        cwd: app,
        encoding: 'utf8',
        env: userEnv(),
      })
      expect(`${r.stderr}`, line).not.toContain('ERESOLVE')
      expect(r.status, `${line}\n${r.stderr}`).toBe(0)
    }
    // (@babel/core stays: Vike itself depends on it.)
    for (const name of ['jscodeshift', 'recast', 'flow-parser', '@babel/preset-flow', '@babel/register']) {
      expect(existsSync(join(app, 'node_modules', name)), name).toBe(false)
    }

    const help = spawnSync('npx', ['vike-photon', 'migrate', '--help'], { cwd: app, encoding: 'utf8', env: userEnv() })
    expect(help.status, help.stderr).toBe(0)
    expect(help.stdout).toMatch(/^Usage: vike-photon migrate \[dir\] \[options\]/)
  })

  it('installs with Yarn 1 and the resolutions getting-started.md gives it, with one srvx', {
    timeout: 300_000,
  }, () => {
    const app = join(work, 'my-yarn-app')
    execFileSync('mkdir', ['-p', app])
    const block = /```json yarn-resolutions\n([\s\S]*?)```/.exec(gettingStarted)
    expect(block).not.toBeNull()
    const { resolutions } = JSON.parse(`{${block![1]}}`) as { resolutions: Record<string, string> }
    writeFileSync(
      join(app, 'package.json'),
      JSON.stringify({ name: 'my-app', private: true, type: 'module', resolutions }),
    )
    const install = /```sh install\n([\s\S]*?)```/.exec(gettingStarted)![1]!
    for (const line of install.split('\n').filter((l) => l.trim())) {
      // `npm install [-D] a b` as `yarn add [-D] a b`, the packed package in place of the registry's.
      const [, , ...names] = line.trim().split(/\s+/)
      const argv = names.map((a) => (a.startsWith('vike-photon@') ? `file:${tarball}` : a))
      const yarn = ['exec', '--yes', '--package', 'yarn@1.22.22', '--', 'yarn']
      const r = spawnSync('npm', [...yarn, 'add', ...argv, '--ignore-scripts', '--non-interactive'], {
        cwd: app,
        encoding: 'utf8',
        env: userEnv(),
      })
      expect(r.status, `${line}\n${r.stderr}`).toBe(0)
    }
    expect(existsSync(join(app, 'node_modules/vike-photon/dist/index.js'))).toBe(true)
    // One srvx: two (vike-photon's and @photonjs/runtime's newest) are what yarn 1's linker fails on.
    expect(JSON.parse(readFileSync(join(app, 'node_modules/srvx/package.json'), 'utf8')).version).toBe('0.12.8')
    expect(existsSync(join(app, 'node_modules/@photonjs/runtime/node_modules/srvx'))).toBe(false)
  })
})
