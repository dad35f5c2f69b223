import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import type { API, FileInfo } from 'jscodeshift'
import jscodeshift from 'jscodeshift'
import { afterEach, describe, expect, it } from 'vitest'
import type { TransformOptions } from '../src/context.js'
import { addTodo } from '../src/lib/ast.js'
import { todoText } from '../src/lib/todo.js'
import { applyPlan, planMigration } from '../src/migrate.js'
import { checkTransformOutput } from '../src/self-check.js'
import serverEntry from '../src/transforms/server-entry/index.js'
import viteConfig from '../src/transforms/vite-config.js'

const dirs: string[] = []
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

function app(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'vike-photon-self-check-'))
  dirs.push(dir)
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true })
    writeFileSync(join(dir, name), content)
  }
  return dir
}

const entry = `import { Hono } from 'hono'
import { apply } from 'vike-server/hono'
import { serve } from 'vike-server/hono/serve'

function readUser(req) {
  return req.header('x-user') ?? null
}

function startServer() {
  const app = new Hono()
  app.get('/api/me', (c) => c.json({ user: readUser(c.req) }))
  apply(app, {
    async pageContext(runtime) {
      const user = readUser(runtime.hono.req)
      return { user }
    },
  })
  return serve(app, { port: 3000 })
}

export default startServer()
`

const honoApp = {
  'package.json': JSON.stringify({
    name: 'a',
    dependencies: { hono: '^4.7.0', vike: '^0.4.250', 'vike-server': '^1.0.25' },
  }),
  'pages/+config.js':
    "import vikeServer from 'vike-server/config'\n\nexport default { extends: [vikeServer], server: 'server/index.js' }\n",
  'server/index.js': entry,
}

const nodeApp = {
  'package.json': JSON.stringify({
    name: 'a',
    dependencies: { express: '^4.21.0', vike: '^0.4.250', 'vike-node': '^0.2.10' },
  }),
  'server/index.js':
    "import express from 'express'\nimport vike from 'vike-node/express'\n\nconst app = express()\napp.use(vike())\napp.listen(3000)\n",
}

describe('the engine self-check', () => {
  it('writes nothing when a transform drops a user function, and names the file and the transform', () => {
    const dir = app(honoApp)
    // A server-entry transform made to misbehave: it also deletes the user's readUser() helper.
    const dropsHelper = (file: FileInfo, api: API, options: TransformOptions) =>
      serverEntry(file, api, options).replace(/function readUser\(req\) \{\n.*\n\}\n\n/, '')
    const plan = planMigration(dir, { vikePhotonVersion: '0.2.0', transforms: { 'server-entry': dropsHelper } })
    expect(plan.errors).toEqual([
      expect.objectContaining({
        file: 'server/index.js',
        kind: 'self-check',
        message: 'the server-entry transform: it would remove function `readUser` without a TODO saying where it went',
      }),
    ])
    expect(() => applyPlan(plan)).toThrow('nothing was written')
    expect(readFileSync(join(dir, 'server/index.js'), 'utf8')).toBe(entry)
  })

  it('writes nothing when a transform output does not parse (a multi-line method pasted into a // comment)', () => {
    const dir = app(honoApp)
    // The failure seen on a real Cloudflare app: an option's source moved into a single-line TODO.
    const pastes = (file: FileInfo, api: API, options: TransformOptions) =>
      serverEntry(file, api, options).replace(
        /apply\(app, getMiddlewares\(\{\n([\s\S]*?)\n\s*\}\)\)/,
        (_m, body: string) => `// TODO(vike-photon migrate): apply() option(s) \`${body}\` were removed\n  apply(app)`,
      )
    const plan = planMigration(dir, { vikePhotonVersion: '0.2.0', transforms: { 'server-entry': pastes } })
    expect(plan.errors).toHaveLength(1)
    expect(plan.errors[0]).toMatchObject({ file: 'server/index.js', kind: 'self-check' })
    expect(plan.errors[0]!.message).toMatch(/^the server-entry transform: its output does not parse at \d+:\d+/)
    expect(readFileSync(join(dir, 'server/index.js'), 'utf8')).toBe(entry)
  })

  it('writes nothing when a vite.config comes out with a multi-line vikeNode() entry pasted into a // TODO', () => {
    const config = `import vike from 'vike/plugin'
import { vikeNode } from 'vike-node/plugin'

export default {
  plugins: [
    vike(),
    vikeNode({
      entry: {
        index: 'server/index.js',
        cloudflare: {
          entry: 'server/app.js',
          runtime: 'cloudflare'
        }
      }
    })
  ]
}
`
    const dir = app({ ...nodeApp, 'vite.config.js': config })
    // What the vite-config transform wrote before its TODOs were kept on one line (seen on a real app).
    const pastes = (file: FileInfo, api: API, options: TransformOptions) =>
      viteConfig(file, api, options).replace(
        /\/\/ TODO\(vike-photon migrate\): vikeNode\(\) had more entries[^\n]*/,
        "// TODO(vike-photon migrate): vikeNode() had more entries than `index` (cloudflare: {\n  entry: 'server/app.js',\n  runtime: 'cloudflare'\n}): add them",
      )
    const plan = planMigration(dir, { vikePhotonVersion: '0.2.0', transforms: { 'vite-config': pastes } })
    expect(plan.errors).toEqual([
      expect.objectContaining({
        file: 'vite.config.js',
        kind: 'self-check',
        message: expect.stringMatching(/^the vite-config transform: its output does not parse at \d+:\d+/),
      }),
    ])
    expect(() => applyPlan(plan)).toThrow('nothing was written')
    expect(readFileSync(join(dir, 'vite.config.js'), 'utf8')).toBe(config)
  })

  it('passes the real migration of that entry: the pageContext method is kept', () => {
    const dir = app(honoApp)
    const plan = planMigration(dir, { vikePhotonVersion: '0.2.0' })
    expect(plan.errors).toEqual([])
    const after = plan.changes.find((c) => c.path === 'server/index.js')!.after
    expect(after).toContain('apply(app, getMiddlewares({\n    async pageContext(runtime) {')
    expect(after).toContain('function readUser(req) {')
  })

  it('allows a removal that a new TODO names, and the Vite plugins a migration removes on purpose', () => {
    const before = 'function legacyHelper() {}\nfunction kept() {}\nkept()\n'
    const after =
      '// TODO(vike-photon migrate): legacyHelper() moved to server/helpers.ts\nfunction kept() {}\nkept()\n'
    expect(() => checkTransformOutput('a.ts', before, after)).not.toThrow()
    expect(() => checkTransformOutput('a.ts', before, 'function kept() {}\nkept()\n')).toThrow(
      'it would remove function `legacyHelper` without a TODO saying where it went',
    )
    const viteBefore =
      "import { pages } from 'vike-cloudflare'\nexport default { plugins: [pages({ server: { entry: 'x', filter: (f) => f.ok } })] }\n"
    expect(() => checkTransformOutput('vite.config.ts', viteBefore, 'export default { plugins: [] }\n')).not.toThrow()
    expect(() => checkTransformOutput('b.ts', 'run()\nstop()\n', 'run()\n')).toThrow('1 statement(s)')
  })

  it('stops a removed import whose name the code still uses (the Elysia `.use(vike())` left undefined)', () => {
    const before =
      "import { Elysia } from 'elysia'\nimport vike from 'vike-node/elysia'\n\nnew Elysia().use(vike()).listen(3000)\n"
    const after =
      "import { Elysia } from 'elysia'\nimport { serve } from '@photonjs/elysia'\n\nexport default serve(new Elysia().use(vike()), { port: 3000 })\n"
    expect(() => checkTransformOutput('server.ts', before, after)).toThrow(
      'it would remove the import of `vike` while the code still uses it',
    )
  })

  it('a TODO never spans lines, whatever its message', () => {
    const j = jscodeshift.withParser('ts')
    const root = j('apply(app)\n')
    addTodo(j, root.find(j.ExpressionStatement).nodes()[0]!, 'option `async pageContext() {\n  return {}\n}` was kept')
    const out = root.toSource()
    expect(out.split('\n')[0]).toBe('// TODO(vike-photon migrate): option `async pageContext() { return {} }` was kept')
    expect(() => j(out)).not.toThrow()
    // TODOs written as text (wrangler.toml `#`, wrangler.jsonc, package.json notes) go through the same helper.
    expect(todoText("external: [\n  'sharp',\n  'pg'\n]")).toBe(
      "TODO(vike-photon migrate): external: [ 'sharp', 'pg' ]",
    )
  })
})
