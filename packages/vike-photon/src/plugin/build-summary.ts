import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { gzipSync } from 'node:zlib'
import { netlifySummaryLines } from '../targets/netlify/summary.js'

// What `vike build` wrote, per target, read back from disk once every environment is built: the lines vike-photon
// prints at the end of a build (build-summary-plugin.ts). Pure functions of the output folders, tested on real builds.

export interface SummaryInput {
  root: string
  /** Photon's target name (`node`, `cloudflare`, `vercel`) and its title. */
  target: { name: string; title: string }
  /** The server framework of `photon.server` (e.g. `hono`; `your` when not recognised), `null` for the built-in server. */
  server: string | null
  serverDir: string
  clientDir: string
  /** The pre-rendering line (prerender-report.ts), when every page is pre-rendered. */
  prerendered: string | null
}

export function buildSummary(input: SummaryInput): string[] {
  const lines = [`Built for ${input.target.title}${input.target.name === 'vercel' ? '' : serverLabel(input.server)}.`]
  switch (input.target.name) {
    case 'cloudflare':
      lines.push(...cloudflareLines(input))
      break
    case 'vercel':
      lines.push(...vercelLines(input))
      break
    case 'netlify':
      lines.push(...netlifySummaryLines(input.root, input.clientDir, input.prerendered, formatSize))
      break
    default:
      lines.push(...nodeLines(input))
  }
  return lines
}

const FRAMEWORK_TITLES: Record<string, string> = {
  hono: 'Hono',
  h3: 'H3',
  srvx: 'srvx',
  express: 'Express',
  fastify: 'Fastify',
  hattip: 'Hattip',
  elysia: 'Elysia',
}

function serverLabel(server: string | null): string {
  return server ? ` (${FRAMEWORK_TITLES[server] ?? server} server)` : ' (built-in server)'
}

function nodeLines({ root, serverDir, prerendered }: SummaryInput): string[] {
  const entry = join(serverDir, 'index.mjs')
  if (!existsSync(entry)) return prerendered ? [`  ${prerendered}`] : []
  const shown = show(root, entry)
  const lines = [`  Server: ${shown} (${formatSize(dirSize(serverDir))} with its chunks)`]
  const units = readUnitsManifest(serverDir)
  if (units.length > 0) {
    lines.push(`  Per-page units (${show(root, join(serverDir, 'units'))}/):`)
    for (const unit of units) {
      const file = join(serverDir, 'units', unit.file)
      lines.push(`    ${unit.route}  ${unit.file.replace(/^\.\//, '')}  ${formatSize(fileSize(file))}`)
    }
  }
  if (prerendered) lines.push(`  ${prerendered}`)
  lines.push(`  Next: \`node ${shown}\` starts it (or \`vike preview\`).`)
  return lines
}

function cloudflareLines({ root, serverDir, prerendered }: SummaryInput): string[] {
  const worker = join(serverDir, 'index.mjs')
  const wrangler = join(serverDir, 'wrangler.json')
  const lines: string[] = []
  if (existsSync(worker)) {
    const size = dirSize(serverDir, (file) => /\.(m?js|wasm)$/.test(file))
    const gzip = gzipSize(serverDir)
    lines.push(`  Worker: ${show(root, worker)} (${formatSize(size)}, ${formatSize(gzip)} gzipped)`)
  }
  if (existsSync(wrangler)) lines.push(`  Config: ${show(root, wrangler)}`)
  if (prerendered) lines.push(`  ${prerendered}`)
  lines.push('  Next: `vike preview` to try it in workerd, then `wrangler deploy` to deploy it.')
  return lines
}

interface VercelRoute {
  src?: string
  dest?: string
}

function vercelLines({ root, prerendered }: SummaryInput): string[] {
  const output = join(root, '.vercel/output')
  const functionsDir = join(output, 'functions')
  if (!existsSync(functionsDir)) return []
  let routes: VercelRoute[] = []
  try {
    routes = (JSON.parse(readFileSync(join(output, 'config.json'), 'utf8')) as { routes?: VercelRoute[] }).routes ?? []
  } catch {}
  const lines = [`  Functions (${show(root, functionsDir)}/):`]
  for (const dir of listFunctionDirs(functionsDir)) {
    const name = dir.slice(0, -'.func'.length)
    const config = readJsonOr<{ runtime?: string }>(join(functionsDir, dir, '.vc-config.json'), {})
    const served = routes
      .filter((route) => route.src && route.dest && route.dest.split('?')[0] === `/${name}`)
      .map((route) => route.src)
    const routesShown = served.length > 0 ? served.join(' ') : `/${name}`
    lines.push(
      `    ${name}  ${config.runtime ?? 'unknown runtime'}  ${formatSize(dirSize(join(functionsDir, dir)))}  ${routesShown}`,
    )
  }
  if (prerendered) lines.push(`  ${prerendered}`)
  lines.push('  Next: `vercel deploy --prebuilt` uploads .vercel/output (or push to a Vercel-linked repository).')
  return lines
}

function listFunctionDirs(functionsDir: string): string[] {
  return readdirSync(functionsDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name.endsWith('.func'))
    .map((entry) => relative(functionsDir, join(entry.parentPath, entry.name)).split('\\').join('/'))
    .sort()
}

function readUnitsManifest(serverDir: string): { route: string; file: string }[] {
  return readJsonOr(join(serverDir, 'units', 'manifest.json'), [])
}

function readJsonOr<T>(file: string, fallback: T): T {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T
  } catch {
    return fallback
  }
}

function fileSize(file: string): number {
  try {
    return statSync(file).size
  } catch {
    return 0
  }
}

function dirSize(dir: string, include: (file: string) => boolean = () => true): number {
  let total = 0
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && include(entry.name)) total += fileSize(join(entry.parentPath, entry.name))
  }
  return total
}

/** The Worker's code gzipped: what Cloudflare's size limit counts. */
function gzipSize(dir: string): number {
  let total = 0
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && /\.(m?js|wasm)$/.test(entry.name))
      total += gzipSync(readFileSync(join(entry.parentPath, entry.name))).length
  }
  return total
}

export function formatSize(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(1)} kB`
  return `${(bytes / 1_000_000).toFixed(2)} MB`
}

function show(root: string, path: string): string {
  return relative(root, path).split('\\').join('/') || path
}
