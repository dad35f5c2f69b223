import type { Framework } from './frameworks.js'

/** The legacy setups `vike-photon migrate` knows. */
export type SourceId =
  | 'vike-server'
  | 'vike-node'
  | 'vike-cloudflare-pages' // vike-cloudflare 0.0.x / 0.1.x: a Vite plugin for Cloudflare Pages
  | 'vike-cloudflare' // vike-cloudflare 0.2.x: a Vike extension built on vike-server
  | 'vite-plugin-vercel' // vite-plugin-vercel <= 9 with @vite-plugin-vercel/vike
  | 'vike-vercel' // the short-lived photon-based beta
  | 'vike-photon-upstream' // the unrelated vike-photon 0.1.x on npm (vikejs/vike-photon), before this package's 0.2

/** A photon setting that a transform moved out of code (e.g. `apply(app, { compress })`) for `+config`. */
export interface PhotonSetting {
  /** Source text of the value, inserted verbatim. */
  value: string
  /** Set when the value could not be carried over exactly. */
  todo?: string
}

/** A manual step found in a file without comments (package.json): reported, not written. */
export interface ReportedTodo {
  file: string
  line: number
  message: string
}

/**
 * Facts shared between the transforms of one migration run. Transforms that run first (vite.config,
 * server entries) record what later ones (+config, package.json) need. Fixture tests seed it from a
 * `<case>.context.json` file next to the input.
 */
export interface MigrateContext {
  sources: Set<SourceId>
  /** Frameworks found in server entries; each one needs its `@photonjs/<fw>` adapter. */
  frameworks: Set<Framework>
  /** Server entry found outside +config (a vite.config plugin argument, a Vercel `ssr_` endpoint). */
  serverEntry?: string
  /** Other entries of a multi-entry setting, for the TODO next to `photon.server`. */
  photonSettings: Map<string, PhotonSetting>
  /** Packages whose Vite plugin call was removed from vite.config. */
  removedPlugins: Set<string>
  /** Packages the migrated code imports; filled by the engine from the final text of every file. */
  importedPackages: Set<string>
  /** Packages some transform needs added to dependencies (e.g. `hono`, `@universal-middleware/express`). */
  needs: Set<string>
  /** `vercel.expiration` when vite.config sets it to a number literal (rule 17). */
  vercelExpiration?: number
  /** Manual steps in files that cannot hold a comment. */
  reportedTodos: ReportedTodo[]
  /**
   * Modules a server entry stopped importing because vike-photon replaces them (a Bati `vike-handler`):
   * project paths without extension. The file itself stays, with a TODO saying it can go.
   */
  retiredModules: Set<string>
  /**
   * Server entries the target cannot run (a HatTip entry on Cloudflare): project paths. They stay as they are, with
   * a TODO; `+config` does not name them in `photon.server`, so vike-photon serves the pages by itself.
   */
  unservedEntries: Set<string>
}

export interface SerializedContext {
  sources?: SourceId[]
  frameworks?: Framework[]
  serverEntry?: string
  photonSettings?: Record<string, PhotonSetting>
  removedPlugins?: string[]
  importedPackages?: string[]
  needs?: string[]
  vercelExpiration?: number
  retiredModules?: string[]
  unservedEntries?: string[]
}

export function createContext(seed: SerializedContext = {}): MigrateContext {
  return {
    sources: new Set(seed.sources ?? []),
    frameworks: new Set(seed.frameworks ?? []),
    serverEntry: seed.serverEntry,
    photonSettings: new Map(Object.entries(seed.photonSettings ?? {})),
    removedPlugins: new Set(seed.removedPlugins ?? []),
    importedPackages: new Set(seed.importedPackages ?? []),
    needs: new Set(seed.needs ?? []),
    vercelExpiration: seed.vercelExpiration,
    reportedTodos: [],
    retiredModules: new Set(seed.retiredModules ?? []),
    unservedEntries: new Set(seed.unservedEntries ?? []),
  }
}

/** The options object jscodeshift passes to a transform; ours carries the shared context. */
export interface TransformOptions {
  ctx?: MigrateContext
  /** Seed for a fresh context (fixture tests). */
  context?: SerializedContext
  /** Set by the engine for the app's root `+config` (rule 16 adds `extends` there). */
  rootConfig?: boolean
  /** vike-photon's own version, for package.json. */
  vikePhotonVersion?: string
  /** The app's package manager (from its lockfile), for where package.json keeps overrides. */
  packageManager?: 'npm' | 'pnpm' | 'yarn' | 'bun'
  /** The React version the app's package-lock.json installs (a Vue or Solid app may have one through a widget). */
  lockedReact?: string
  /** wrangler configs: an older `compatibility_date` is raised to this (set by the registry from package.json). */
  minimumCompatibilityDate?: string
  [key: string]: unknown
}

export function contextOf(options: TransformOptions): MigrateContext {
  if (!options.ctx) options.ctx = createContext(options.context)
  return options.ctx
}
