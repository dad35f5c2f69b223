import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import type { TargetDefinition } from '../targets/types.js'

// What `vike build` wrote, read back from disk once every environment is built: the lines vike-photon prints at the
// end of a build (build-summary-plugin.ts). Each target writes its own lines (targets/<name>/summary.ts) with the
// helpers here. Pure functions of the output folders, tested on real builds.

export interface SummaryInput {
  root: string
  /** The deploy target: its title, and its `summary()` (targets/<name>/summary.ts), which writes the lines. */
  target: Pick<TargetDefinition, 'title' | 'summary'>
  /** The server framework of `photon.server` (e.g. `hono`; `your` when not recognised), `null` for the built-in server. */
  server: string | null
  serverDir: string
  clientDir: string
  /** The pre-rendering line (prerender-report.ts), when every page is pre-rendered. */
  prerendered: string | null
}

export function buildSummary(input: SummaryInput): string[] {
  return input.target.summary(input)
}

/** The summary's first line: "Built for Node (Hono server)."; without the server for targets that name it per function. */
export function builtFor(input: SummaryInput, { withServer }: { withServer: boolean }): string {
  return `Built for ${input.target.title}${withServer ? serverLabel(input.server) : ''}.`
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

export function readJsonOr<T>(file: string, fallback: T): T {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T
  } catch {
    return fallback
  }
}

export function fileSize(file: string): number {
  try {
    return statSync(file).size
  } catch {
    return 0
  }
}

export function dirSize(dir: string, include: (file: string) => boolean = () => true): number {
  let total = 0
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && include(entry.name)) total += fileSize(join(entry.parentPath, entry.name))
  }
  return total
}

export function formatSize(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(1)} kB`
  return `${(bytes / 1_000_000).toFixed(2)} MB`
}

export function show(root: string, path: string): string {
  return relative(root, path).split('\\').join('/') || path
}
