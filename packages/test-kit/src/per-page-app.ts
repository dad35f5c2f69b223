import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'

// Generates the app that per-page units are proven with (tests) and measured with (bench/per-page): N pages, each
// importing a module of about 50 KB that no other page uses, with a marker string found nowhere else. Plain Vike
// (no UI framework) with client routing, so that navigating between pages fetches `index.pageContext.json`.

export interface PerPageAppOptions {
  /** How many pages (1, 10, 100, ...). */
  pages: number
  /** `vercel` lists @photonjs/vercel in package.json, which selects the Vercel target. */
  target: 'node' | 'vercel'
  /** Deploy every page as its own unit (`photonUnit: true` in `pages/+config.ts`). @default true */
  units?: boolean
}

/** The marker of page `i` (1-based): in its big module only. Zero-padded so that no marker contains another. */
export const pageMarker = (i: number) => `PER_PAGE_MARKER_${String(i).padStart(4, '0')}_END`
/** The error page's marker: in every unit. */
export const ERROR_PAGE_MARKER = 'PER_PAGE_ERROR_PAGE_MARKER_END'
/** Page 1 is `/`, the others `/page-<i>`. */
export const pageRoute = (i: number) => (i === 1 ? '/' : `/page-${i}`)
/** Vike's page id of page `i`. */
export const pageIdOf = (i: number) => (i === 1 ? '/pages/index' : `/pages/page-${i}`)
const pageDir = (i: number) => (i === 1 ? 'index' : `page-${i}`)

/** About 50 KB of source that a minifier cannot shrink much and a bundler cannot drop (the page renders its size). */
function bigModule(i: number): string {
  let seed = i * 2654435761
  const next = () => {
    seed = (seed * 1103515245 + 12345) >>> 0
    return seed.toString(16).padStart(8, '0')
  }
  const rows: string[] = []
  for (let row = 0; row < 700; row++) rows.push(`  '${Array.from({ length: 8 }, next).join('')}',`)
  return [`export const marker = '${pageMarker(i)}'`, 'export const payload: string[] = [', ...rows, ']', ''].join('\n')
}

export function writePerPageApp(root: string, { pages, target, units = true }: PerPageAppOptions): void {
  const write = (path: string, content: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true })
    writeFileSync(join(root, path), content)
  }
  const dependencies: Record<string, string> = { '@photonjs/hono': '*', hono: '*', vike: '*', 'vike-photon': '*' }
  if (target === 'vercel') dependencies['@photonjs/vercel'] = '*'
  write(
    'package.json',
    `${JSON.stringify({ name: `per-page-${pages}`, private: true, type: 'module', dependencies }, null, 2)}\n`,
  )
  write(
    'vite.config.ts',
    "import vike from 'vike/plugin'\nimport { defineConfig } from 'vite'\n\nexport default defineConfig({ plugins: [vike()] })\n",
  )
  write(
    'pages/+config.ts',
    [
      "import type { Config } from 'vike/types'",
      "import vikePhoton from 'vike-photon/config'",
      '',
      'export default {',
      '  extends: [vikePhoton],',
      '  clientRouting: true,',
      "  photon: { server: 'server/index.ts' },",
      ...(units ? ['  photonUnit: true,'] : []),
      '} satisfies Config',
      '',
    ].join('\n'),
  )
  write(
    'server/index.ts',
    [
      "import { apply, serve } from '@photonjs/hono'",
      "import { Hono } from 'hono'",
      '',
      'const app = new Hono()',
      'apply(app)',
      '',
      'export default serve(app)',
      '',
    ].join('\n'),
  )
  write(
    'pages/+onRenderHtml.ts',
    [
      "import { dangerouslySkipEscape, escapeInject } from 'vike/server'",
      "import type { PageContextServer } from 'vike/types'",
      '',
      'export function onRenderHtml(pageContext: PageContextServer) {',
      '  const Page = pageContext.Page as (pageContext: PageContextServer) => string',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the source of a generated file
      '  return escapeInject`<!doctype html><html><head><title>per-page</title></head><body><main>${dangerouslySkipEscape(Page(pageContext))}</main></body></html>`',
      '}',
      '',
    ].join('\n'),
  )
  write(
    'pages/+onRenderClient.ts',
    [
      "import type { PageContextClient } from 'vike/types'",
      '',
      '// Hydration marks the body; a client-side navigation renders the next page into <main> and counts.',
      'export function onRenderClient(pageContext: PageContextClient) {',
      '  const Page = pageContext.Page as (pageContext: PageContextClient) => string',
      "  if (!pageContext.isHydration) document.querySelector('main')!.innerHTML = Page(pageContext)",
      "  document.body.dataset.hydrated = 'true'",
      '  document.body.dataset.clientRenders = String(Number(document.body.dataset.clientRenders ?? 0) + 1)',
      '}',
      '',
    ].join('\n'),
  )
  write(
    'pages/_error/+Page.ts',
    [
      "import type { PageContext } from 'vike/types'",
      '',
      `const marker = '${ERROR_PAGE_MARKER}'`,
      'export default (pageContext: PageContext) =>',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the source of a generated file
      "  `<h1>${pageContext.is404 ? '404 Page Not Found' : '500 Internal Server Error'}</h1><p hidden>${marker}</p>`",
      '',
    ].join('\n'),
  )
  for (let i = 1; i <= pages; i++) {
    const next = (i % pages) + 1
    write(`pages/${pageDir(i)}/big-module.ts`, bigModule(i))
    // Server-side data: client-side navigation to the page fetches its `index.pageContext.json` from its unit.
    write(`pages/${pageDir(i)}/+data.ts`, `export const data = () => ({ page: ${i}, pid: process.pid })\n`)
    write(
      `pages/${pageDir(i)}/+Page.ts`,
      [
        "import type { PageContext } from 'vike/types'",
        "import { marker, payload } from './big-module'",
        '',
        'export default (pageContext: PageContext) =>',
        `  \`<h1>Page ${i}</h1><p id="marker">\${marker}</p><p id="size">\${payload.join('').length}</p>\` +`,
        // biome-ignore lint/suspicious/noTemplateCurlyInString: the source of a generated file
        '  `<p id="data">${JSON.stringify(pageContext.data)}</p>` +',
        `  '<nav><a id="first" href="/">First page</a> <a id="next" href="${pageRoute(next)}">Next page</a></nav>'`,
        '',
      ].join('\n'),
    )
  }
}

/**
 * The files a module loads, itself included: its relative static and dynamic imports, followed transitively. Bare
 * specifiers (`vike/server`, `hono`) are packages installed next to the build, shared by every unit.
 */
export function moduleClosure(file: string, read: (path: string) => string): string[] {
  const seen = new Set<string>()
  const visit = (path: string) => {
    if (seen.has(path)) return
    seen.add(path)
    const code = read(path)
    for (const match of code.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)["'](\.{1,2}\/[^"']+)["']/g)) {
      visit(join(dirname(path), match[1] as string))
    }
  }
  visit(file)
  return [...seen]
}
