import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join, normalize, relative, sep } from 'node:path'
import { groupRoutes, type OutputEntry, type RoutesByPhase, type VercelRoute } from './router.js'

// Reads a `.vercel/output` folder (Build Output API v3) once: its routes, its functions (each `<name>.func` with its
// `.vc-config.json` and, for ISR, `<name>.prerender-config.json`) and how to find a static file.

/** `.vc-config.json` of a function: the fields the preview uses. */
export interface FunctionConfig {
  runtime: string
  /** Node functions: the module to import. */
  handler?: string
  /** Edge functions: the module to import. */
  entrypoint?: string
  launcherType?: string
  shouldAddHelpers?: boolean
  /** Environment variables of this function. */
  environment?: Record<string, string>
  /** Seconds before Vercel stops the function (FUNCTION_INVOCATION_TIMEOUT). */
  maxDuration?: number
}

/** `<name>.prerender-config.json`: a function whose GET responses Vercel caches (ISR). */
export interface PrerenderConfig {
  /** Seconds a cached response is fresh; `false`: until the next deployment. */
  expiration: number | false
  /** A file (relative to the functions folder) served before the first render. */
  fallback?: string | null
  /** Query parameters that make separate cache entries; unset: all of them, `[]`: none. */
  allowQuery?: string[]
  /** Sent as `x-prerender-revalidate` (on-demand revalidation) or the `__prerender_bypass` cookie (no cache). */
  bypassToken?: string
  initialHeaders?: Record<string, string>
  initialStatus?: number
  group?: number
}

export interface VercelFunction {
  /** Its path under `functions/`, without `.func` (e.g. `_vike/server`). */
  name: string
  dir: string
  config: FunctionConfig
  isEdge: boolean
  prerender: PrerenderConfig | null
}

export interface VercelOutput {
  dir: string
  routes: RoutesByPhase
  functions: Map<string, VercelFunction>
  /** What answers at a (decoded) path: a static file, else a function. */
  lookup(path: string): OutputEntry | null
}

export class VercelOutputError extends Error {}

export function readVercelOutput(dir: string): VercelOutput {
  const configFile = join(dir, 'config.json')
  if (!existsSync(configFile)) {
    throw new VercelOutputError(
      `${configFile} is missing: build the app for Vercel first (\`vike build\` with @photonjs/vercel installed).`,
    )
  }
  const config = JSON.parse(readFileSync(configFile, 'utf8')) as {
    version?: number
    routes?: VercelRoute[]
    overrides?: Record<string, { path?: string; contentType?: string }>
  }
  if (config.version !== 3) {
    throw new VercelOutputError(`${configFile} has version ${config.version}: only the Build Output API v3 is served.`)
  }
  const staticDir = join(dir, 'static')
  const functionsDir = join(dir, 'functions')
  const functions = readFunctions(functionsDir)
  // `overrides` serve a static file at another path (e.g. `about.html` at `/about`).
  const overrides = new Map<string, string>()
  for (const [file, override] of Object.entries(config.overrides ?? {})) {
    if (override.path !== undefined) overrides.set(`/${override.path.replace(/^\/+/, '')}`, file)
  }

  const staticFile = (path: string): string | null => {
    const candidates = [path, `${path.replace(/\/$/, '')}/index.html`]
    const override = overrides.get(path)
    if (override) candidates.unshift(`/${override}`)
    for (const candidate of candidates) {
      const file = normalize(join(staticDir, candidate))
      if (!file.startsWith(staticDir + sep)) continue
      if (existsSync(file) && statSync(file).isFile()) return file
    }
    return null
  }

  return {
    dir,
    routes: groupRoutes(config.routes ?? []),
    functions,
    lookup(path) {
      const file = staticFile(path)
      if (file) return { type: 'static', file }
      const name = path === '/' ? 'index' : path.replace(/^\/+|\/+$/g, '')
      return functions.has(name) ? { type: 'function', name } : null
    },
  }
}

function readFunctions(functionsDir: string): Map<string, VercelFunction> {
  const functions = new Map<string, VercelFunction>()
  if (!existsSync(functionsDir)) return functions
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name)
      // `.func` folders may be symbolic links to another function's folder.
      if (!entry.isDirectory() && !(entry.isSymbolicLink() && statSync(path).isDirectory())) continue
      if (!entry.name.endsWith('.func')) {
        walk(path)
        continue
      }
      const configFile = join(path, '.vc-config.json')
      if (!existsSync(configFile)) continue
      const name = relative(functionsDir, path)
        .split(sep)
        .join('/')
        .replace(/\.func$/, '')
      const config = JSON.parse(readFileSync(configFile, 'utf8')) as FunctionConfig
      const prerenderFile = join(functionsDir, `${name}.prerender-config.json`)
      functions.set(name, {
        name,
        dir: path,
        config,
        isEdge: config.runtime === 'edge',
        prerender: existsSync(prerenderFile)
          ? (JSON.parse(readFileSync(prerenderFile, 'utf8')) as PrerenderConfig)
          : null,
      })
    }
  }
  walk(functionsDir)
  return functions
}
