import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { applyPlan, planMigration } from '../src/migrate.js'

// Whole-app plans for Hono entries that render the pages themselves: the entry, the files it stops importing
// and the files that point at it move together (the transform alone sees one file at a time).
const dirs: string[] = []
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

function app(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'vike-photon-hono-entries-'))
  dirs.push(dir)
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true })
    writeFileSync(join(dir, name), content)
  }
  return dir
}

const plan = (dir: string) => planMigration(dir, { vikePhotonVersion: '0.2.0' })
const after = (p: ReturnType<typeof plan>, path: string) => p.changes.find((c) => c.path === path)?.after

const vikeHandler = `import { renderPage } from 'vike/server'

export async function vikeHandler(request: Request): Promise<Response> {
  const { httpResponse } = await renderPage({ urlOriginal: request.url })
  return new Response(httpResponse?.getReadableWebStream() ?? null, { status: httpResponse?.statusCode })
}
`

describe('a vike-cloudflare 0.1 Pages app with a Hono entry', () => {
  const files = {
    'package.json': JSON.stringify({
      name: 'pages-app',
      type: 'module',
      scripts: { dev: 'vite', build: 'vite build', preview: 'wrangler pages dev' },
      dependencies: { hono: '4.13.19', vike: '0.4.256', 'vike-cloudflare': '0.1.7', vite: '6.4.6' },
      devDependencies: { '@hono/vite-dev-server': '0.26.1', wrangler: '4.86.0' },
    }),
    'vite.config.ts': `import devServer from '@hono/vite-dev-server'
import vike from 'vike/plugin'
import { pages } from 'vike-cloudflare'
import { defineConfig } from 'vite'

export default defineConfig({
  plugins: [vike(), devServer({ entry: 'hono-entry.ts', injectClientScript: false }), pages({ server: { kind: 'hono', entry: 'hono-entry.ts' } })],
})
`,
    'hono-entry.ts': `import { Hono } from 'hono'
import { handlerAdapter } from './server/hono-adapter'
import { vikeHandler } from './server/vike-handler'

const app = new Hono()
app.get('/api/ping', (c) => c.text('pong'))
app.all('*', handlerAdapter(vikeHandler))

export default app
`,
    'server/hono-adapter.ts': `import type { Context } from 'hono'

export function handlerAdapter(handler: (request: Request) => Promise<Response>) {
  return (c: Context) => handler(c.req.raw)
}
`,
    'server/vike-handler.ts': vikeHandler,
    'functions/[[path]].ts': `import { handle } from 'hono/cloudflare-pages'
import app from '../hono-entry'

export const onRequest = handle(app)
`,
    'wrangler.toml':
      'name = "pages-app"\ncompatibility_date = "2025-08-01"\npages_build_output_dir = "./dist/cloudflare"\n',
  }

  it('exports serve(app) with apply(app) from @photonjs/hono, keeps every file and says which can go', () => {
    const p = plan(app(files))
    expect(p.errors).toEqual([])
    expect(after(p, 'hono-entry.ts')).toBe(`import { Hono } from 'hono'
import { apply, serve } from '@photonjs/hono'

const app = new Hono()
app.get('/api/ping', (c) => c.text('pong'))
// TODO(vike-photon migrate): apply(app) renders the pages now, in place of \`handlerAdapter(vikeHandler)\`: \`./server/hono-adapter\`, \`./server/vike-handler\` are no longer imported here, delete them if nothing else uses them
apply(app)

export default serve(app)
`)
    const retired = 'TODO(vike-photon migrate): this file is no longer used'
    expect(after(p, 'server/vike-handler.ts')).toContain(retired)
    expect(after(p, 'server/vike-handler.ts')).toContain(vikeHandler)
    expect(after(p, 'server/hono-adapter.ts')).toContain(retired)
    expect(after(p, 'functions/[[path]].ts')).toContain('Cloudflare Pages Functions do not run in the Worker')
    expect(p.changes.every((c) => c.after !== '')).toBe(true)
    expect(after(p, 'pages/+config.js')).toContain("photon: { server: 'hono-entry.ts' }")
    expect(JSON.parse(after(p, 'package.json')!).dependencies).toHaveProperty('@photonjs/hono')
  })

  it('a second run changes nothing', () => {
    const dir = app(files)
    applyPlan(plan(dir))
    expect(plan(dir).changes.map((c) => c.path)).toEqual([])
  })
})

describe('a vite-plugin-vercel app with a Bati Hono entry', () => {
  const files = {
    'package.json': JSON.stringify({
      name: 'vercel-app',
      type: 'module',
      dependencies: {
        '@universal-middleware/hono': '0.4.18',
        '@vite-plugin-vercel/vike': '9.1.0',
        hono: '4.13.19',
        vike: '0.4.256',
        vite: '6.4.6',
        'vite-plugin-vercel': '9.1.1',
      },
    }),
    'vite.config.ts': `import vike from 'vike/plugin'
import { defineConfig } from 'vite'
import vercel from 'vite-plugin-vercel'

export default defineConfig({
  plugins: [vike(), vercel()],
  vercel: { additionalEndpoints: [{ source: 'hono-entry.ts', destination: 'ssr_', route: true }] },
})
`,
    'pages/+config.ts': `import vercel from '@vite-plugin-vercel/vike/config'

export default { extends: [vercel] }
`,
    'hono-entry.ts': `import { createHandler } from '@universal-middleware/hono'
import { Hono } from 'hono'
import { handle } from 'hono/vercel'
import { vikeHandler } from './server/vike-handler'

const app = new Hono()
app.get('/api/ping', (c) => c.text('pong'))
app.all('*', createHandler(vikeHandler)())

export const GET = handle(app)
export const POST = handle(app)

export default process.env.NODE_ENV === 'production' ? undefined : app
`,
    'server/vike-handler.ts': vikeHandler,
  }

  it('exports serve(app), drops the hono/vercel exports and their import, and points photon.server at the entry', () => {
    const p = plan(app(files))
    expect(p.errors).toEqual([])
    const entry = after(p, 'hono-entry.ts')!
    expect(entry).toContain('\napply(app)\n')
    expect(entry).toContain('the hono/vercel exports (GET, POST) were removed')
    expect(entry).toMatch(/\nexport default serve\(app\)\n$/)
    expect(entry).not.toContain("from 'hono/vercel'")
    expect(entry).not.toContain('@universal-middleware/hono')
    expect(after(p, 'server/vike-handler.ts')).toContain('this file is no longer used')
    expect(after(p, 'pages/+config.ts')).toContain("server: 'hono-entry.ts'")
  })
})
