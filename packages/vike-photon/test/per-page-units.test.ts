import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import {
  ERROR_PAGE_MARKER,
  moduleClosure,
  pageIdOf,
  pageMarker,
  pageRoute,
  writePerPageApp,
} from '@vike-photon/test-kit/per-page-app'
import { beforeAll, describe, expect, it } from 'vitest'
import { unitFileName } from '../src/plugin/per-page-units.js'
import { run, startServer, testTmpDir, userEnv } from './helpers/fixture.js'

// `photonUnit: true` on every page of a generated app (each page imports a ~50 KB module with its own marker): each
// unit's bundle, read file by file, holds its page and the error page and no other page.

const PAGES = 4
const vike = join(import.meta.dirname, '../node_modules/.bin/vike')
const pages = Array.from({ length: PAGES }, (_, i) => i + 1)
const markersIn = (code: string) => pages.filter((i) => code.includes(pageMarker(i)))

/** What `vike build` printed, per app root. */
const buildOutputs = new Map<string, string>()

async function buildApp(name: string, options: Parameters<typeof writePerPageApp>[1], env: NodeJS.ProcessEnv = {}) {
  mkdirSync(testTmpDir, { recursive: true })
  const root = mkdtempSync(join(testTmpDir, `${name}-`))
  writePerPageApp(root, options)
  let result = await run(vike, ['build'], { cwd: root, env })
  // @photonjs/vercel 0.1.23 sometimes fails to find the function it wrote in .vercel/output/_tmp: one retry.
  if (result.code !== 0 && result.stdout.includes('.vercel/output/_tmp'))
    result = await run(vike, ['build'], { cwd: root, env })
  if (result.code !== 0) throw new Error(`vike build failed in ${root}:\n${result.stdout}\n${result.stderr}`)
  buildOutputs.set(root, result.stdout)
  return root
}

/** Imports a unit in a new Node process (as a platform would) and fetches `paths` through its `fetch`. */
function fetchThroughUnit(unit: string, paths: string[]) {
  const script = `
    const { default: unit } = await import(${JSON.stringify(`file://${unit}`)})
    const out = []
    for (const path of ${JSON.stringify(paths)}) {
      const response = await unit.fetch(new Request('http://localhost' + path))
      out.push({ path, status: response.status, type: response.headers.get('content-type'), body: await response.text() })
    }
    console.log(JSON.stringify(out))
  `
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    env: userEnv({ NODE_ENV: 'production' }),
    encoding: 'utf8',
  })
  if (result.status !== 0) throw new Error(result.stderr)
  return JSON.parse(result.stdout.trim().split('\n').at(-1) as string) as {
    path: string
    status: number
    type: string | null
    body: string
  }[]
}

describe('Node: vike build writes one handler module per unit', () => {
  let root: string
  const unitsDir = () => join(root, 'dist/server/units')
  beforeAll(async () => {
    root = await buildApp('per-page-node', { pages: PAGES, target: 'node' })
  }, 120_000)

  it("vike build's summary lists each unit with its route, file and size", () => {
    const stdout = buildOutputs.get(root) ?? ''
    const summary = stdout.slice(stdout.indexOf('[vike-photon] Built for')).trimEnd().split('\n')
    expect(summary.slice(0, 3)).toEqual([
      '[vike-photon] Built for Node (Hono server).',
      expect.stringMatching(/^ {2}Server: dist\/server\/index\.mjs \(/),
      '  Per-page units (dist/server/units/):',
    ])
    const unitLines = summary.filter((line) => /^ {4}\//.test(line))
    expect(unitLines.map((line) => line.trim().split(/ {2}/).slice(0, 2))).toEqual(
      pages.map((i) => [pageRoute(i), `${unitFileName(pageIdOf(i))}.mjs`]),
    )
    for (const line of unitLines) expect(line).toMatch(/ {2}[\d.]+ (B|kB|MB)$/)
    expect(summary.at(-1)).toBe('  Next: `node dist/server/index.mjs` starts it (or `vike preview`).')
  })

  it('lists every page in dist/server/units/manifest.json', () => {
    const manifest = JSON.parse(readFileSync(join(unitsDir(), 'manifest.json'), 'utf8'))
    expect(manifest).toEqual(
      pages.map((i) => ({
        pageId: pageIdOf(i),
        route: pageRoute(i),
        file: `./${pageIdOf(i).slice(1).replaceAll('/', '_')}.mjs`,
      })),
    )
  })

  it("puts no other page's code in a unit (the unit and every file it imports)", () => {
    const manifest = JSON.parse(readFileSync(join(unitsDir(), 'manifest.json'), 'utf8')) as { file: string }[]
    for (const [index, unit] of manifest.entries()) {
      const files = moduleClosure(join(unitsDir(), unit.file), (path) => readFileSync(path, 'utf8'))
      const code = files.map((file) => readFileSync(file, 'utf8')).join('\n')
      expect({ unit: unit.file, markers: markersIn(code) }).toEqual({ unit: unit.file, markers: [index + 1] })
      expect(code).toContain(ERROR_PAGE_MARKER)
      // Vike's own production entry (every page) is not among them.
      expect(files.map((file) => relative(root, file))).not.toContain('dist/server/entry.mjs')
    }
  })

  it("answers its page and its page-context request, and the app's error page (404) for other pages' URLs", () => {
    const unit = join(unitsDir(), 'pages_page-2.mjs')
    const responses = fetchThroughUnit(unit, ['/page-2', '/page-2/index.pageContext.json', '/page-3', '/'])
    expect(responses.map(({ path, status }) => ({ path, status }))).toEqual([
      { path: '/page-2', status: 200 },
      { path: '/page-2/index.pageContext.json', status: 200 },
      { path: '/page-3', status: 404 },
      { path: '/', status: 404 },
    ])
    expect(responses[0]?.body).toContain(`<p id="marker">${pageMarker(2)}</p>`)
    expect(JSON.parse(responses[1]?.body ?? '')).toMatchObject({ pageId: '/pages/page-2' })
    // The unit knows only its page: another page's URL renders the error page, as the server would for an unknown URL.
    for (const response of responses.slice(2)) {
      expect(response.body).toContain('<h1>404 Page Not Found</h1>')
      expect(response.type).toMatch(/^text\/html/)
      expect(response.body).not.toContain(pageMarker(3))
    }
  })

  it('keeps the single server (dist/server/index.mjs), which serves every page', async () => {
    const server = await startServer(root)
    try {
      for (const i of pages) {
        const response = await fetch(`${server.url}${pageRoute(i)}`)
        expect(response.status).toBe(200)
        expect(await response.text()).toContain(pageMarker(i))
      }
    } finally {
      await server.stop()
    }
    // Starting a server and rendering every page took more than vitest's 5 s on a loaded machine.
  }, 30_000)
})

describe('Vercel: each unit is its own function', () => {
  let output: string
  beforeAll(async () => {
    const root = await buildApp('per-page-vercel', { pages: PAGES, target: 'vercel' }, { VERCEL: '1' })
    output = join(root, '.vercel/output')
  }, 180_000)

  it('writes one function per page next to the server function', () => {
    const functions = readdirSync(join(output, 'functions'), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isDirectory() && entry.name.endsWith('.func'))
      .map((entry) => relative(join(output, 'functions'), join(entry.parentPath, entry.name)))
      .sort()
    expect(functions).toEqual([...pages.map((i) => `_vike${pageIdOf(i)}.func`).sort(), '_vike/server.func'])
  })

  it("puts no other page's code in a page's function", () => {
    for (const i of pages) {
      const code = readFileSync(join(output, `functions/_vike${pageIdOf(i)}.func/index.mjs`), 'utf8')
      expect({ page: i, markers: markersIn(code) }).toEqual({ page: i, markers: [i] })
      expect(code).toContain(ERROR_PAGE_MARKER)
    }
  })

  it("routes a page and its page-context request to the page's function", () => {
    const config = JSON.parse(readFileSync(join(output, 'config.json'), 'utf8')) as {
      routes: { src?: string; dest?: string }[]
    }
    const destination = (path: string) =>
      config.routes.find((route) => route.dest && route.src && new RegExp(route.src).test(path))?.dest?.split('?')[0]
    expect(destination('/page-3')).toBe('/_vike/pages/page-3')
    expect(destination('/page-3/index.pageContext.json')).toBe('/_vike/pages/page-3')
    expect(destination('/')).toBe('/_vike/pages/index')
    expect(destination('/nowhere')).toBe('/_vike/server')
  })
})

describe('without photonUnit', () => {
  it('builds the single server bundle only, as before', async () => {
    const root = await buildApp('per-page-off', { pages: 2, target: 'node', units: false })
    expect(existsSync(join(root, 'dist/server/units'))).toBe(false)
    expect(existsSync(join(root, 'dist/server/index.mjs'))).toBe(true)
  }, 120_000)
})
