import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { PluginContext } from '../src/plugin/context.js'
import { checkServerFramework, targetPlugins } from '../src/plugin/target-plugin.js'
import { detectTarget } from '../src/targets/index.js'
import { functionModule, pagePaths } from '../src/targets/netlify/functions.js'
import { netlifyHeaders } from '../src/targets/netlify/headers.js'
import { netlifyTarget } from '../src/targets/netlify/index.js'
import { readProject } from '../src/targets/project.js'
import type { Project } from '../src/targets/types.js'

// The Netlify target's pure parts and its detection. The build and the functions running behind a Netlify-like
// router are covered by e2e/netlify/netlify-output.spec.ts (one build of examples/netlify-react).

const example = fileURLToPath(new URL('../../../examples/netlify-react/', import.meta.url))

function fakeProject(dependencies: string[], files: Record<string, string> = {}): Project {
  return {
    root: '/app',
    dependencies: new Set(dependencies),
    resolve: () => null,
    fileExists: (path) => path in files,
    readFile: (path) => files[path] ?? '',
  }
}

describe('Netlify detection', () => {
  it('picks Netlify when @photonjs/netlify is a dependency (examples/netlify-react)', () => {
    expect(detectTarget(readProject(example)).name).toBe('netlify')
  })

  it('adds Photon’s Netlify adapter (its function writer off) and its own plugins, from the project’s copy', async () => {
    const ctx = new PluginContext()
    ctx.root = example
    const names = (await targetPlugins(ctx)).map((plugin) => plugin.name)
    expect(names).toContain('photon:netlify:config')
    expect(names).not.toContain('vite-plugin-netlify:build')
    expect(names.filter((name) => name.startsWith('vike-photon:netlify'))).toEqual([
      'vike-photon:netlify:settings',
      'vike-photon:netlify:vike-entry',
      'vike-photon:netlify:functions',
      'vike-photon:netlify:config',
    ])
    // Loading @netlify/vite-plugin (and @netlify/dev) takes seconds on a busy machine.
  }, 60_000)

  it('refuses Vercel and Netlify installed together, naming both packages', () => {
    expect(() => detectTarget(fakeProject(['@photonjs/vercel', '@photonjs/netlify']))).toThrow(
      '[vike-photon] Both @photonjs/vercel (Vercel) and @photonjs/netlify (Netlify) are installed, so vike-photon cannot tell where to deploy.',
    )
  })

  it('refuses an Express server: Photon’s Netlify adapter runs Hono, H3 and srvx', () => {
    const project = fakeProject(['@photonjs/netlify'], {
      '/app/server/index.ts': "import express from 'express'\nimport { apply, serve } from '@photonjs/express'\n",
    })
    expect(checkServerFramework(netlifyTarget, '/app/server/index.ts', project)).toBe(
      '`photon.server` is server/index.ts, an Express server, which Netlify cannot run (supported: hono, h3, srvx). ' +
        "Rewrite server/index.ts with one of those (e.g. `import { apply, serve } from '@photonjs/hono'`), " +
        "or remove `photon.server` to use vike-photon's built-in server.",
    )
    const hono = fakeProject(['@photonjs/netlify'], { '/app/server/index.ts': "import { Hono } from 'hono'\n" })
    expect(checkServerFramework(netlifyTarget, '/app/server/index.ts', hono)).toBeNull()
  })
})

describe('pagePaths', () => {
  it('serves the page and its page-context request', () => {
    expect(pagePaths('/news')).toEqual(['/news', '/news/index.pageContext.json'])
    expect(pagePaths('/movies/:id')).toEqual(['/movies/:id', '/movies/:id/index.pageContext.json'])
    expect(pagePaths('/')).toEqual(['/', '/index.pageContext.json'])
  })

  it('turns a trailing rou3 glob into a splat, which covers the page-context request too', () => {
    expect(pagePaths('/docs/**')).toEqual(['/docs/*'])
    expect(pagePaths('/docs/**:rest')).toEqual(['/docs/*'])
  })
})

describe('functionModule', () => {
  it('writes a Netlify function: default export (request, context) => Response, and its in-source config', async () => {
    const code = functionModule(
      {
        name: 'vike-photon-server',
        handler: '../../../dist/server/index.mjs',
        paths: ['/*'],
        excludedPaths: ['/news'],
        displayName: 'vike-photon server',
      },
      'vike-photon',
    )
    expect(code).toContain('import server from "../../../dist/server/index.mjs"')
    expect(code).toContain('export default (request, context) => server.fetch(request, context)')
    const config = JSON.parse(/export const config = (\{[\s\S]*\})/.exec(code)?.[1] ?? '') as unknown
    expect(config).toEqual({
      name: 'vike-photon server',
      generator: 'vike-photon',
      path: ['/*'],
      excludedPath: ['/news'],
      preferStatic: true,
    })
  })
})

describe('netlifyHeaders', () => {
  it('makes hashed assets immutable and gives pre-rendered pages their static headersResponse', () => {
    const rules = netlifyHeaders('assets', [
      { route: '/static', prerender: [true], headersResponse: [{ 'X-Frame-Options': 'DENY' }] },
      // Rendered by a function: Vike sends the headers itself.
      { route: '/about', prerender: [], headersResponse: [{ 'X-Example': 'about' }] },
      // A function of pageContext is only known at render time.
      { route: '/late', prerender: true, headersResponse: [() => ({})] },
    ])
    expect(rules).toEqual([
      { for: '/assets/*', values: { 'Cache-Control': 'public, max-age=31536000, immutable' } },
      { for: '/static', values: { 'x-frame-options': 'DENY' } },
      { for: '/static/index.pageContext.json', values: { 'x-frame-options': 'DENY' } },
    ])
  })
})
