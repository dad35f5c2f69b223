import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { applyPlan, planMigration } from '../src/migrate.js'

// Whole-app plan for an Express entry that serves the pages by itself (Bati's express-entry.ts next to
// vite-plugin-vercel, seen on a real app of the corpus: it built, then every request failed). The entry is rewritten
// to apply(app) and `return serve(app, ...)` from @photonjs/express, which package.json gets.
const dirs: string[] = []
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

function app(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'vike-photon-express-entries-'))
  dirs.push(dir)
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true })
    writeFileSync(join(dir, name), content)
  }
  return dir
}

const plan = (dir: string) => planMigration(dir, { vikePhotonVersion: '0.2.0' })
const after = (p: ReturnType<typeof plan>, path: string) => p.changes.find((c) => c.path === path)?.after

const entry = `import { createHandler } from '@universal-middleware/express'
import express from 'express'
import { vikeHandler } from './server/vike-handler'

export default await startServer()

async function startServer() {
  const app = express()
  app.get('/api/ping', (_req, res) => {
    res.send('pong')
  })
  app.all('/{*all}', createHandler(() => vikeHandler)())
  app.listen(3000)
  return app
}
`

describe('a vite-plugin-vercel app with a Bati Express entry', () => {
  const files = {
    'package.json': JSON.stringify({
      name: 'vercel-express-app',
      type: 'module',
      dependencies: {
        '@universal-middleware/express': '0.4.26',
        '@vite-plugin-vercel/vike': '9.1.0',
        express: '5.3.0',
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
  vercel: { additionalEndpoints: [{ source: 'express-entry.ts', destination: 'ssr_', route: false }] },
})
`,
    'pages/+config.ts': `import vercel from '@vite-plugin-vercel/vike/config'

export default { extends: [vercel] }
`,
    'express-entry.ts': entry,
    'server/vike-handler.ts': `import { renderPage } from 'vike/server'

export async function vikeHandler(request: Request): Promise<Response> {
  const { httpResponse } = await renderPage({ urlOriginal: request.url })
  return new Response(httpResponse?.getReadableWebStream() ?? null, { status: httpResponse?.statusCode })
}
`,
  }

  it('rewrites the entry to apply(app) and serve(app) from @photonjs/express, keeping its routes', () => {
    const p = plan(app(files))
    expect(p.errors).toEqual([])
    const migrated = after(p, 'express-entry.ts')!
    expect(migrated).toContain("import { apply, serve } from '@photonjs/express'")
    expect(migrated).toContain("app.get('/api/ping'")
    expect(migrated).toContain('  apply(app)\n  return serve(app, {\n    port: 3000\n  })\n')
    expect(migrated).toContain('export default await startServer()')
    expect(migrated).not.toMatch(/createHandler|vikeHandler|app\.listen/)
    expect(after(p, 'pages/+config.ts')).toContain("server: 'express-entry.ts'")
    expect(JSON.parse(after(p, 'package.json')!).dependencies).toHaveProperty('@photonjs/express')
    // The handler module is never deleted.
    expect(p.changes.find((c) => c.path === 'server/vike-handler.ts')?.after).not.toBeNull()
  })

  it('a second run changes nothing', () => {
    const dir = app(files)
    applyPlan(plan(dir))
    expect(readFileSync(join(dir, 'express-entry.ts'), 'utf8')).toContain('apply(app)')
    expect(plan(dir).changes.map((c) => c.path)).toEqual([])
  })
})
