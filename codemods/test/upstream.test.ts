import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { isUpstreamVikePhoton } from '../src/sources.js'
import { app as appIn, migrate as migrateIn, removeApps, vikePhotonVersion } from './cli-harness.js'

// An app on the earlier `vike-photon` 0.1 from npm (vikejs/vike-photon, a different package of the same name), run
// through the real `vike-photon migrate`.
afterEach(removeApps)

const app = (files: Record<string, string>) => appIn(files, { prefix: 'vike-photon-upstream-' })
const migrate = (dir: string) => migrateIn(dir, '--yes')
const read = (dir: string, file: string) => readFileSync(join(dir, file), 'utf8')

const serverEntry = `import { apply, serve } from '@photonjs/hono'
import { Hono } from 'hono'

function startServer() {
  const app = new Hono()
  apply(app)
  return serve(app, { port: 3000 })
}

export default startServer()
`

// The shape Bati generates for vike-photon 0.1, with the Vite plugin some apps added by hand.
const upstreamApp = {
  'package.json': `${JSON.stringify(
    {
      name: 'garden-planner',
      type: 'module',
      scripts: { dev: 'vike dev', build: 'vike build', prod: 'vike build && node ./dist/server/index.mjs' },
      dependencies: {
        '@photonjs/hono': '^0.1.9',
        hono: '^4.10.1',
        vike: '^0.4.250',
        'vike-photon': '^0.1.26',
        vite: '^7.1.5',
      },
    },
    null,
    2,
  )}\n`,
  'pnpm-lock.yaml': "lockfileVersion: '9.0'\n",
  'pages/+config.ts': `import vikePhoton from 'vike-photon/config'\n\nexport default {\n  extends: [vikePhoton],\n  photon: { server: 'server/entry.ts' },\n}\n`,
  'pages/index/+Page.ts': 'export default function Page() {\n  return "hi"\n}\n',
  'server/entry.ts': serverEntry,
  'vite.config.ts': `import vike from 'vike/plugin'\nimport vikePhoton from 'vike-photon/plugin'\n\nexport default {\n  plugins: [vike(), vikePhoton()],\n}\n`,
  // What an install of that app holds: the other package, without this one's CLI.
  'node_modules/vike-photon/package.json': '{ "name": "vike-photon", "version": "0.1.26" }',
}

describe('vike-photon migrate on an app on the earlier vike-photon 0.1', () => {
  it('finds it, points vike-photon at this package, raises Vike and @photonjs/hono, drops the Vite plugin', () => {
    const dir = app(upstreamApp)
    const r = migrate(dir)
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('Found: vike-photon 0.1 (the earlier package of that name, vikejs/vike-photon) 0.1.26')
    const pkg = JSON.parse(read(dir, 'package.json'))
    expect(pkg.dependencies['vike-photon']).toBe(`^${vikePhotonVersion}`)
    expect(pkg.dependencies.vike).toBe('^0.4.266')
    expect(pkg.dependencies['@photonjs/hono']).toBe('^0.1.12')
    expect(read(dir, 'vite.config.ts')).toBe(
      `import vike from 'vike/plugin'\n\nexport default {\n  plugins: [vike()],\n}\n`,
    )
    expect(read(dir, 'server/entry.ts')).toBe(serverEntry)
    expect(read(dir, 'pages/+config.ts')).toBe(upstreamApp['pages/+config.ts'])
  })

  it('extends vike-photon/config in +config when the app had only the Vite plugin', () => {
    const dir = app({
      ...upstreamApp,
      'pages/+config.ts': `import vikeReact from 'vike-react/config'\n\nexport default {\n  extends: [vikeReact],\n}\n`,
    })
    expect(migrate(dir).code).toBe(0)
    expect(read(dir, 'pages/+config.ts')).toBe(
      `import vikeReact from 'vike-react/config'\nimport vikePhoton from 'vike-photon/config'\n\nexport default {\n  extends: [vikeReact, vikePhoton],\n}\n`,
    )
    expect(read(dir, 'vite.config.ts')).not.toContain('vikePhoton')
  })

  it('turns nodejs_compat on in the wrangler config of an app that deploys with @photonjs/cloudflare', () => {
    const pkg = JSON.parse(upstreamApp['package.json'])
    pkg.dependencies['@photonjs/cloudflare'] = '^0.1.13'
    const wrangler = `{
  // the Worker
  "name": "trip-planner",
  "compatibility_date": "2025-09-06",
  "main": "virtual:photon:cloudflare:server-entry",
  "vars": { "AUTH0_CLIENT_ID": "" },
}
`
    const dir = app({ ...upstreamApp, 'package.json': `${JSON.stringify(pkg, null, 2)}\n`, 'wrangler.jsonc': wrangler })
    const r = migrate(dir)
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    expect(read(dir, 'wrangler.jsonc')).toBe(
      wrangler.replace(
        '"main": "virtual:photon:cloudflare:server-entry",\n',
        '"main": "virtual:photon:cloudflare:server-entry",\n  "compatibility_flags": ["nodejs_compat"],\n',
      ),
    )
  })

  it('leaves the wrangler config of an app that does not deploy to Cloudflare', () => {
    const wrangler = 'name = "tools"\ncompatibility_date = "2024-01-01"\n'
    const dir = app({ ...upstreamApp, 'wrangler.toml': wrangler })
    expect(migrate(dir).code).toBe(0)
    expect(read(dir, 'wrangler.toml')).toBe(wrangler)
  })

  describe('JSON.stringify(pageContext) in user code', () => {
    const layout = `import { usePageContext } from 'vike-react/usePageContext'

export function Layout() {
  const pageCtx = usePageContext()
  return <script dangerouslySetInnerHTML={{ __html: \`window.__PAGE_CTX__ = \${JSON.stringify(pageCtx)}\` }} />
}
`
    const withVike = (vike: string) => {
      const pkg = JSON.parse(upstreamApp['package.json'])
      pkg.dependencies.vike = vike
      return app({ ...upstreamApp, 'package.json': `${JSON.stringify(pkg, null, 2)}\n`, 'layouts/Layout.tsx': layout })
    }

    it('gets a TODO above its statement when migrate raises Vike past 0.4.260, whose pageContext turned circular', () => {
      const dir = withVike('^0.4.250')
      const r = migrate(dir)
      expect(r.code).toBe(2) // manual steps left
      const lines = read(dir, 'layouts/Layout.tsx').split('\n')
      expect(lines[4]).toMatch(
        /^ {2}\/\/ TODO\(vike-photon migrate\): `JSON\.stringify\(pageCtx\)` serializes the whole pageContext, Vike's internals included: from Vike 0\.4\.260 .* "Converting circular structure to JSON"/,
      )
      expect(lines.filter((_, i) => i !== 4).join('\n')).toBe(layout) // the code itself is unchanged
      expect(r.stdout).toContain('Manual steps left (1)')
      expect(r.stdout).toContain('layouts/Layout.tsx:5  `JSON.stringify(pageCtx)` serializes the whole pageContext')
    })

    it('is left alone when the app was already on a Vike from 0.4.260', () => {
      const dir = withVike('^0.4.262')
      expect(migrate(dir).code).toBe(0)
      expect(read(dir, 'layouts/Layout.tsx')).toBe(layout)
    })
  })

  it('has nothing to do once package.json names this vike-photon, even before the next install', () => {
    const dir = app(upstreamApp)
    expect(migrate(dir).code).toBe(0)
    const r = migrate(dir)
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('Nothing to do')
  })
})

describe('isUpstreamVikePhoton', () => {
  it.each([
    // [installed, package.json range, upstream?]
    ['0.1.26', '^0.1.26', true],
    [null, '0.1.20', true],
    [null, '^0.2.0', false],
    ['0.1.26', '^0.2.0', false], // migrated, not reinstalled yet
    ['0.1.26', 'latest', true],
    ['0.2.0', 'latest', false],
    ['0.2.0', 'workspace:*', false],
    [null, 'workspace:*', false],
  ] as const)('installed %s, range %s: %s', (installed, range, expected) => {
    expect(isUpstreamVikePhoton(installed, range)).toBe(expected)
  })
})
