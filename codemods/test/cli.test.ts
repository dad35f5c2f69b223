import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { app, migrate, removeApps, vikePhoton, vikePhotonVersion, vikeServerApp } from './cli-harness.js'

afterEach(removeApps)

function snapshot(dir: string, files: string[]): Record<string, string | null> {
  return Object.fromEntries(
    files.map((f) => {
      try {
        return [f, readFileSync(join(dir, f), 'utf8')]
      } catch {
        return [f, null]
      }
    }),
  )
}

const watched = ['package.json', 'pages/+config.ts', 'server/index.ts', 'pages/index/+Page.ts']

describe('vike-photon migrate', () => {
  it('migrates a vike-server + Hono app and exits 0 when no manual step is left', () => {
    const dir = app(vikeServerApp)
    const r = migrate(dir, '--yes')
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('Found: vike-server 1.0.25')
    expect(r.stdout).toContain('Files changed: 3')
    expect(r.stdout).toContain('pnpm install')
    const after = snapshot(dir, watched)
    expect(after['server/index.ts']).toContain("import { apply, serve } from '@photonjs/hono'")
    expect(after['server/index.ts']).toContain('export default startServer()')
    expect(after['pages/+config.ts']).toContain("import vikePhoton from 'vike-photon/config'")
    expect(after['pages/+config.ts']).toMatch(/photon: \{\n\s+server: 'server\/index\.ts',/)
    const pkg = JSON.parse(after['package.json']!)
    expect(pkg.dependencies['vike-photon']).toBe(`^${vikePhotonVersion}`)
    expect(pkg.dependencies['@photonjs/hono']).toBe('^0.1.12')
    expect(pkg.dependencies['vike-server']).toBeUndefined()
    expect(pkg.scripts.prod).toBe('NODE_ENV=production node dist/server/index.mjs')
  })

  it('changes nothing on a second run and says there is nothing to do', () => {
    const dir = app(vikeServerApp)
    expect(migrate(dir, '--yes').code).toBe(0)
    const once = snapshot(dir, watched)
    const r = migrate(dir, '--yes')
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('Nothing to do')
    expect(snapshot(dir, watched)).toEqual(once)
  })

  it('--dry-run prints a unified diff and writes nothing', () => {
    const dir = app(vikeServerApp)
    const before = snapshot(dir, watched)
    const r = migrate(dir, '--dry-run')
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('--- a/server/index.ts')
    expect(r.stdout).toContain('+++ b/server/index.ts')
    expect(r.stdout).toContain("+import { apply, serve } from '@photonjs/hono'")
    expect(r.stdout).toContain('nothing was written')
    expect(snapshot(dir, watched)).toEqual(before)
  })

  it('writes nothing when a file fails to parse, and names file:line:column', () => {
    const dir = app({ ...vikeServerApp, 'server/index.ts': "import { apply } from 'vike-server/hono'\nconst = 1\n" })
    const before = snapshot(dir, watched)
    const r = migrate(dir, '--yes')
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/server\/index\.ts:2:\d+: /)
    expect(r.stderr).toContain('nothing was written')
    expect(snapshot(dir, watched)).toEqual(before)
  })

  it('refuses uncommitted changes to files it would touch, unless --force', () => {
    const dir = app(vikeServerApp)
    writeFileSync(join(dir, 'server/index.ts'), `${vikeServerApp['server/index.ts']}// local edit\n`)
    const before = snapshot(dir, watched)
    const r = migrate(dir, '--yes')
    expect(r.code).toBe(1)
    expect(r.stderr).toContain('uncommitted changes')
    expect(r.stderr).toContain('server/index.ts')
    expect(r.stderr).toContain('--force')
    expect(snapshot(dir, watched)).toEqual(before)
    expect(migrate(dir, '--yes', '--force').code).toBe(0)
    expect(readFileSync(join(dir, 'server/index.ts'), 'utf8')).toContain('@photonjs/hono')
  })

  it('exits 2 and lists every TODO with file:line when manual steps remain', () => {
    const dir = app({
      ...vikeServerApp,
      'server/index.ts': `import { Hono } from 'hono'\nimport { apply } from 'vike-server/hono'\nimport { serve } from 'vike-server/hono/serve'\n\nexport function start() {\n  const app = new Hono()\n  apply(app)\n  serve(app)\n}\n`,
    })
    const r = migrate(dir, '--yes')
    expect(r.code).toBe(2)
    const line = readFileSync(join(dir, 'server/index.ts'), 'utf8')
      .split('\n')
      .findIndex((l) => l.includes('// TODO(vike-photon migrate):'))
    expect(line).toBeGreaterThan(-1)
    expect(r.stdout).toContain(`server/index.ts:${line + 1}  serve() is called inside a function`)
  })

  it('--json prints a machine-readable report', () => {
    const dir = app(vikeServerApp)
    const r = migrate(dir, '--json', '--dry-run')
    expect(r.code).toBe(0)
    const report = JSON.parse(r.stdout)
    expect(report).toMatchObject({
      version: 1,
      status: 'dry-run',
      exitCode: 0,
      written: false,
      sources: [{ id: 'vike-server', package: 'vike-server', version: '1.0.25' }],
      packageManager: 'pnpm',
      nextSteps: ['pnpm install', 'pnpm run build', 'pnpm run prod'],
      todos: [],
      errors: [],
    })
    expect(report.files.map((f: { path: string }) => f.path)).toEqual([
      'package.json',
      'pages/+config.ts',
      'server/index.ts',
    ])
    expect(report.dependencies.removed).toEqual([{ name: 'vike-server', section: 'dependencies' }])
  })

  it('pins react-streaming for an npm app whose lockfile installs React 18, and says why at the line', () => {
    // A Vue app with a React widget (seen on a real app): npm checks vike's optional peer react-streaming,
    // whose newest release wants React >= 19, and refuses the install with ERESOLVE.
    const dir = app({
      'package.json': `${JSON.stringify(
        {
          name: 'gallery',
          type: 'module',
          dependencies: { '@worldcoin/idkit-standalone': '^1.3.0', 'vike-cloudflare': '^0.1.3', vue: '^3.5.12' },
          devDependencies: { vike: '^0.4.199', vite: '^7.1.5' },
        },
        null,
        2,
      )}\n`,
      'package-lock.json': `${JSON.stringify({
        lockfileVersion: 3,
        packages: { '': {}, 'node_modules/react': { version: '18.3.1' } },
      })}\n`,
      'vite.config.ts':
        "import vike from 'vike/plugin'\nimport { pages } from 'vike-cloudflare'\n\nexport default { plugins: [vike(), pages()] }\n",
      'pages/+config.ts': "import vikeVue from 'vike-vue/config'\n\nexport default { extends: [vikeVue] }\n",
    })
    const r = migrate(dir, '--yes', '--json')
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))
    expect(pkg.overrides['react-streaming']).toBe('0.3.50')
    const line = readFileSync(join(dir, 'package.json'), 'utf8')
      .split('\n')
      .findIndex((l) => l.includes('"react-streaming"'))
    const todos = JSON.parse(r.stdout).todos as { file: string; line: number; message: string }[]
    expect(todos).toContainEqual(
      expect.objectContaining({
        file: 'package.json',
        line: line + 1,
        message: expect.stringContaining('the app installs React 18.3.1 (package-lock.json)'),
      }),
    )
  })

  it('says "nothing to do" and exits 0 for an app without a legacy package', () => {
    const dir = app({ 'package.json': '{ "dependencies": { "vike": "^0.4.266" } }\n' }, { git: false })
    const r = migrate(dir)
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('Nothing to do')
  })

  it('renames +server.ts to +photon.ts (content kept) and creates wrangler.jsonc for Cloudflare', () => {
    const dir = app({
      'package.json':
        '{\n  "name": "cf",\n  "dependencies": { "vike": "^0.4.250", "vike-cloudflare": "^0.2.8", "vite": "^7.1.0" }\n}\n',
      'pages/+config.ts':
        "import vikeCloudflare from 'vike-cloudflare/config'\n\nexport default { extends: [vikeCloudflare] }\n",
      'pages/+server.ts': "export default 'hono-entry.ts'\n",
      'hono-entry.ts':
        "import { apply, Hono } from 'vike-cloudflare/hono'\nimport { serve } from 'vike-cloudflare/hono/serve'\n\nconst app = new Hono()\napply(app)\nserve(app)\n",
    })
    const r = migrate(dir, '--yes')
    expect(r.code).toBe(2)
    const after = snapshot(dir, [
      'pages/+server.ts',
      'pages/+photon.ts',
      'wrangler.jsonc',
      '.gitignore',
      'hono-entry.ts',
    ])
    expect(after['pages/+server.ts']).toBeNull()
    expect(after['pages/+photon.ts']).toContain("server: 'hono-entry.ts'")
    expect(after['wrangler.jsonc']).toContain('"main": "virtual:photon:cloudflare:server-entry"')
    expect(after['.gitignore']).toContain('.wrangler/')
    expect(after['hono-entry.ts']).toContain("import { Hono } from 'hono'")
    expect(after['hono-entry.ts']).toContain('export default serve(app)')
    expect(r.stdout).toContain('renamed  pages/+server.ts → pages/+photon.ts')
    // A Worker is tried with `vike preview` (workerd), not with node.
    expect(r.stdout).toMatch(/Next:\n {2}npm install\n {2}npx vike build\n {2}npx vike preview\n/)
  })

  it('creates pages/+config.js for a vike-node app that had none (rule 16), and moves the entry there', () => {
    const dir = app({
      'package.json': `${JSON.stringify(
        { name: 'node-app', type: 'module', dependencies: { vike: '0.4.266', 'vike-node': '0.3.7', express: '5.3.0' } },
        null,
        2,
      )}\n`,
      'vite.config.ts':
        "import vike from 'vike/plugin'\nimport vikeNode from 'vike-node/plugin'\n\nexport default { plugins: [vike(), vikeNode('server/index.js')] }\n",
      'server/index.js':
        "import express from 'express'\nimport vike from 'vike-node/express'\n\nconst app = express()\napp.use(vike())\napp.listen(3000)\n",
      'pages/index/+Page.js': 'export default () => null\n',
    })
    const { code, stdout } = migrate(dir, '--yes')
    expect([0, 2]).toContain(code)
    // The app has its own server and no script that starts it: `vike preview` would serve the pages without it.
    expect(stdout).toMatch(/Next:\n {2}npm install\n {2}npx vike build\n {2}node dist\/server\/index\.mjs\n/)
    const config = readFileSync(join(dir, 'pages/+config.js'), 'utf8')
    expect(config).toContain("import vikePhoton from 'vike-photon/config'")
    expect(config).toContain('extends: [vikePhoton]')
    expect(config).toContain("server: 'server/index.js'")
    expect(readFileSync(join(dir, 'vite.config.ts'), 'utf8')).not.toContain('vike-node')
  })

  it('moves a vike-node 0.1 app (vike-node/connect on Express, vikeNode({ standalone: true })) with no TODO left', () => {
    const dir = app({
      'package.json': `${JSON.stringify(
        {
          name: 'connect-app',
          type: 'module',
          dependencies: { vike: '0.4.266', 'vike-node': '0.1.16', express: '4.21.2' },
        },
        null,
        2,
      )}\n`,
      'vite.config.ts':
        "import vike from 'vike/plugin'\nimport vikeNode from 'vike-node/plugin'\n\nexport default {\n  plugins: [vikeNode({\n    entry: 'server/index.ts',\n    standalone: true\n  }), vike()]\n}\n",
      'server/index.ts':
        "import express from 'express'\nimport vike from 'vike-node/connect'\n\nconst app = express()\napp.use(vike())\napp.listen(3000)\n",
      'pages/+config.ts': "export default {\n  title: 'Shop',\n}\n",
      'pages/index/+Page.ts': 'export default () => null\n',
    })
    const { code, stdout } = migrate(dir, '--yes')
    expect(stdout).not.toContain('TODO')
    expect(code).toBe(0)
    const entry = readFileSync(join(dir, 'server/index.ts'), 'utf8')
    expect(entry).toContain("import { apply, serve } from '@photonjs/express'")
    expect(entry).toContain('apply(app)')
    expect(entry).not.toContain('vike-node')
    const config = readFileSync(join(dir, 'pages/+config.ts'), 'utf8')
    expect(config).toMatch(/photon: \{\s+server: 'server\/index\.ts',\s+standalone: true,?\s+\}/)
    expect(readFileSync(join(dir, 'vite.config.ts'), 'utf8')).not.toContain('TODO')
    expect(JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).dependencies).toHaveProperty('@photonjs/express')
  })

  it('marks a file that imports the old server build as an app, at its line (class 2.7)', () => {
    const wrapper = `import { connectToWeb } from 'vike-server'\nimport app from '../dist/server/index.mjs'\n\nexport const GET = connectToWeb(app)\n`
    const dir = app({ ...vikeServerApp, 'api/index.js': wrapper })
    const r = migrate(dir, '--yes')
    expect(r.code).toBe(2)
    const after = readFileSync(join(dir, 'api/index.js'), 'utf8').split('\n')
    const line = after.findIndex((l) => l.includes('// TODO(vike-photon migrate): this imports the old server build'))
    expect(after[line + 1]).toBe("import app from '../dist/server/index.mjs'")
    expect(r.stdout).toContain(`api/index.js:${line + 1}  this imports the old server build as an app`)
    expect(r.stdout).toContain('Next:\n  pnpm install\n  pnpm run build\n  pnpm run prod\n')
  })

  it('sets compilerOptions.strict in the referenced tsconfig telefunc 0.2 reads, when it raises telefunc 0.1', () => {
    const dir = app({
      'package.json': `${JSON.stringify(
        {
          type: 'module',
          scripts: { build: 'vite build' },
          dependencies: { telefunc: '^0.1.72', vike: '^0.4.171', 'vike-vue': '^0.6.5', vue: '^3.4.25' },
          devDependencies: { vite: '^5.2.10', 'vite-plugin-vercel': '^6.0.1', '@vite-plugin-vercel/vike': '^6.0.1' },
        },
        null,
        2,
      )}\n`,
      'vite.config.ts': `import vercel from 'vite-plugin-vercel'\nimport vike from 'vike/plugin'\n\nexport default { plugins: [vercel(), vike()] }\n`,
      'tsconfig.json': `{\n  "compilerOptions": { "strict": true },\n  "references": [{ "path": "./tsconfig.node.json" }]\n}\n`,
      'tsconfig.node.json': `{\n  "compilerOptions": { "composite": true },\n  "include": ["**/*.ts"]\n}\n`,
      'pages/todo/todo.telefunc.ts': `export async function onNewTodo(text: string) {\n  return text\n}\n`,
    })
    migrate(dir, '--yes')
    expect(JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).dependencies.telefunc).toBe('^0.2.23')
    expect(readFileSync(join(dir, 'tsconfig.node.json'), 'utf8')).toBe(
      `{\n  "compilerOptions": {\n    "composite": true,\n    // telefunc 0.2 generates shield() only with strict: true\n    "strict": true\n  },\n  "include": ["**/*.ts"]\n}\n`,
    )
    expect(readFileSync(join(dir, 'tsconfig.json'), 'utf8')).toContain('"strict": true },')
    // A second run has nothing left to do for it: telefunc is 0.2 now.
    expect(migrate(dir, '--yes', '--dry-run').stdout).not.toContain('tsconfig')
  })

  it('fails with a clear message outside an app folder', () => {
    const dir = app({}, { git: false })
    const r = migrate(dir)
    expect(r.code).toBe(1)
    expect(r.stderr).toContain('No package.json')
  })
})

describe('vike-photon: mistakes on the command line', () => {
  const firstLine = (text: string) => text.split('\n')[0]

  it('suggests the command a typo was meant to be', () => {
    const r = vikePhoton('migrat')
    expect(r.code).toBe(1)
    expect(firstLine(r.stderr)).toMatchInlineSnapshot(
      `"vike-photon: unknown command "migrat". Did you mean "migrate"?"`,
    )
  })

  it('suggests the option a typo was meant to be, without a stack or a raw parser message', () => {
    const r = migrate(app({}, { git: false }), '--dryrun')
    expect(r.code).toBe(1)
    expect(firstLine(r.stderr)).toMatchInlineSnapshot(
      `"vike-photon migrate: unknown option "--dryrun". Did you mean "--dry-run"?"`,
    )
    expect(r.stderr).not.toMatch(/\n\s+at /)
  })

  it('lists --version in its help, and prints the version', () => {
    const help = vikePhoton('--help')
    expect(help.code).toBe(0)
    expect(help.stdout).toContain('-v, --version')
    expect(vikePhoton('--version').stdout.trim()).toBe(vikePhotonVersion)
  })

  it('points to the docs shipped in the package', () => {
    const help = vikePhoton('--help')
    expect(help.stdout).toMatch(/^Docs: .*packages\/vike-photon\/docs\/$/m)
    expect(help.stdout).not.toContain('github.com')
  })
})
