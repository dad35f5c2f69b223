import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { type BuildResult, buildFixture, copyFixture, type Run, run } from './helpers/fixture.js'

// Real Vike builds of small apps that make one mistake each (test/fixtures/<mistake>), and what the user sees.
// The builds run side by side, once, before the tests.
const FIXTURES = [
  'missing-server-file',
  'plus-server-file',
  'server-exports-bare-hono-app',
  'server-exports-promise',
  'server-no-default-export',
  'vercel-function-build-error',
  'vercel-invalid-settings',
  'vercel-no-vite-config',
  'vercel-overruled-settings',
]
const roots: Record<string, string> = {}
const builds: Record<string, BuildResult> = {}

beforeAll(async () => {
  await Promise.all(
    FIXTURES.map(async (name) => {
      roots[name] = copyFixture(name)
      builds[name] = await buildFixture(roots[name], name.startsWith('vercel-') ? { VERCEL: '1' } : undefined)
    }),
  )
}, 120_000)

/** Starts the built server the way users do; these ones must exit at once. */
const start = (name: string): Promise<Run> =>
  run(process.execPath, ['dist/server/index.mjs'], {
    cwd: roots[name]!,
    env: { PORT: '0', HOST: '127.0.0.1' },
  })

describe('photon.server pointing to a missing file', () => {
  it('fails the build with one error naming the path tried, the +config file and the fix', () => {
    const build = builds['missing-server-file']!
    expect(build.code).not.toBe(0)
    expect(build.error).toMatchInlineSnapshot(`
      "[vike-photon] Invalid \`photon\` setting in /pages/+config.ts:
        - \`photon.server\` is 'server/missing.ts' but no such file exists (tried server/missing.ts, pages/server/missing.ts). Create that file, or fix the path: it is resolved from the project root, or relative to the file that sets it."
    `)
    expect(existsSync(join(roots['missing-server-file']!, 'dist/server/index.mjs'))).toBe(false)
    // Refused settings do not bring back Vike's deprecation warning (vike-deprecation-warning.ts).
    expect(build.stderr + build.stdout).not.toContain('is deprecated')
  })
})

describe('a +server.ts file', () => {
  it('warns that vike-photon ignores it and says what to do instead', () => {
    const build = builds['plus-server-file']!
    expect(build.error).toBeNull()
    const warnings = build.stderr.split('\n').filter((line) => line.includes('[vike-photon]'))
    expect(warnings).toMatchInlineSnapshot(`
      [
        "[vike-photon] /pages/+server.ts is ignored: it sets Vike's own \`server\` setting, which is switched off while vike-photon serves the app. Point \`photon.server\` at your server entry instead (in +config.ts), and rename /pages/+server.ts so that Vike no longer reads it.",
      ]
    `)
  })
})

describe('a server entry without a default export', () => {
  it("fails the build with vike-photon's message, not the bundler's MISSING_EXPORT", () => {
    const build = builds['server-no-default-export']!
    expect(build.code).not.toBe(0)
    expect(build.error).toContain(
      "[vike-photon] The server entry server/index.ts has no default export. Add: export default serve(app) — with `serve` from your server's adapter (e.g. '@photonjs/hono').",
    )
    expect(`${build.error}${build.stderr}`).not.toContain('MISSING_EXPORT')
  })
})

describe('a Vercel function build that fails', () => {
  it('prints the real cause, not only the missing-output error of @photonjs/vercel that follows it', () => {
    const build = builds['vercel-function-build-error']!
    expect(build.code).not.toBe(0)
    expect(build.stderr).toContain('[vike-photon] Building the vercel_node functions failed')
    expect(build.stderr).toContain('the real cause, from the vercel_node build')
  })
})

describe('a Vercel app without a vite.config file', () => {
  it('fails before building, with the fix, instead of an ENOENT on a manifest in .vercel/output', () => {
    const build = builds['vercel-no-vite-config']!
    expect(build.code).not.toBe(0)
    expect(build.error).toContain('[vike-photon] The Vercel target needs a vite.config file')
    expect(build.error).toContain('export default { plugins: [vike()] }')
    expect(`${build.error}${build.stderr}`).not.toContain('ENOENT')
  })
})

describe('an invalid `photon` setting and invalid page settings', () => {
  it('fails the build with one error that lists all three, each under the setting it belongs to, with the file and the fix', () => {
    const build = builds['vercel-invalid-settings']!
    expect(build.code).not.toBe(0)
    expect(build.error).toContain(
      "[vike-photon] Invalid `photon` setting in /pages/+config.ts:\n  - `photon.compress` must be true or false, got 'yes'.\n" +
        'Invalid page settings:\n' +
        "  - `photonUnit` of page /pages/index (/pages/index/+config.ts) must be true or false, got 'yes'. Set `photonUnit: true` to deploy the page as a bundle of its own, or remove the setting.\n" +
        'Invalid Vercel settings:\n  - `isr` of page /pages/about (/pages/about/+config.ts) is true: ISR needs to know how long a render stays fresh.',
    )
    expect(existsSync(join(roots['vercel-invalid-settings']!, '.vercel/output/config.json'))).toBe(false)
  })
})

describe('`isr` that pre-rendering or a route function overrules (Vercel)', () => {
  it('builds, warns once per page with the file and the fix, and deploys neither page as a function of its own', () => {
    const build = builds['vercel-overruled-settings']!
    const root = roots['vercel-overruled-settings']!
    expect(build.error).toBeNull()
    const warnings = build.stderr.split('\n').filter((line) => line.startsWith('[vike-photon] Page '))
    expect(warnings).toMatchInlineSnapshot(`
      [
        "[vike-photon] Page /pages/about is pre-rendered (\`prerender: true\`), so it is served as static files: its \`isr\` (/pages/about/+config.ts) is ignored. To cache it with ISR instead, set \`prerender: false\` in /pages/about/+config.ts.",
        "[vike-photon] Page /pages/fn sets \`isr\` (/pages/fn/+config.ts) but its route is a route function, which only Vike can match at request time: the page is served by the main server function (not cached by ISR), apart from the URLs it pre-renders (static files). To deploy it as its own function, give it a route string (or filesystem routing).",
      ]
    `)
    const output = join(root, '.vercel/output')
    expect(readFileSync(join(output, 'static/about/index.html'), 'utf8')).toContain('<h1>About</h1>')
    const functions = readdirSync(join(output, 'functions'), { recursive: true })
      .map(String)
      .filter((path) => path.endsWith('.func'))
    expect(functions).toEqual(['_vike/server.func'])
    expect(readFileSync(join(output, 'config.json'), 'utf8')).not.toContain('_vike/pages/')
  })
})

describe("Vike's deprecation warning", () => {
  it('is not printed, while the other warnings of the same build are', () => {
    const { stderr, stdout } = builds['plus-server-file']!
    expect(stderr + stdout).not.toContain('is deprecated')
    expect(stderr).toContain('is ignored')
  })
})

describe('a server entry whose default export is not the result of serve()', () => {
  it('a bare Hono app: the build passes, the server refuses to start and says what to export', async () => {
    expect(builds['server-exports-bare-hono-app']!.error).toBeNull()
    const server = await start('server-exports-bare-hono-app')
    expect(server.code).not.toBe(0)
    // Exactly our message, once: no stack trace into the bundle, not printed a second time by Vike.
    expect(server.stderr.trim()).toBe(
      "[vike-photon] The server entry server/index.ts exports an object without `server` (a bare Hono app?), not the result of serve(). Replace it with: export default serve(app) — with `serve` from your server's adapter (e.g. '@photonjs/hono').",
    )
    expect(server.stdout).not.toContain('Server running')
  })

  it('a Promise: the build passes, the server refuses to start and says to await it', async () => {
    expect(builds['server-exports-promise']!.error).toBeNull()
    const server = await start('server-exports-promise')
    expect(server.code).not.toBe(0)
    expect(server.stderr.trim()).toBe(
      "[vike-photon] The server entry server/index.ts exports a Promise. Await it at the top level: `export default await startServer()`, or export default serve(app) — with `serve` from your server's adapter (e.g. '@photonjs/hono').",
    )
    expect(server.stdout).not.toContain('Server running')
  })
})
