import type { Plugin } from 'vite'
import type { SummaryInput } from '../plugin/build-summary.js'
import type { PluginContext } from '../plugin/context.js'
import type { PrerenderedReport } from '../plugin/prerender-report-plugin.js'
import type { PageSettingsSource, ResolvedPageSettings } from '../settings.js'
import type { ServerFramework } from './server-framework.js'

/** What vike-photon knows about the user's project when it picks a target (see `readProject()`). */
export interface Project {
  /** The project root (Vite's root). */
  root: string
  /** Names listed in the project's package.json (dependencies and devDependencies). */
  dependencies: ReadonlySet<string>
  /** Resolves a module specifier from the project root; `null` if it is not installed. */
  resolve(specifier: string): string | null
  fileExists(path: string): boolean
  readFile(path: string): string
}

/**
 * A deploy target, described as data: how vike-photon detects it, which server frameworks it runs, which checks
 * the project must pass and which Vite plugins it brings. The table lives in targets/index.ts.
 */
export interface TargetDefinition {
  /** Photon's name for the target (`photon.target`). */
  name: string
  /** Human-readable name for messages. */
  title: string
  /** The package that selects this target when installed, or `null` for the default target. */
  package: string | null
  /** Whether the project wants this target (usually: `package` is a dependency and resolves). */
  detect(project: Project): boolean
  /** Server frameworks this target can run (`photon.server`), or `'any'`. */
  supportedServers: readonly ServerFramework[] | 'any'
  /**
   * What the project is missing for this target, as messages that name the file or setting and the fix.
   * Empty when all is well. Runs at config time.
   */
  check?(project: Project): string[]
  /** The Vite plugins the target needs, loaded from the user's installation of `package`. */
  plugins?(project: Project, ctx: PluginContext): Promise<Plugin[]>
  /** Photon settings the target needs, merged into Vite's `photon` config. */
  photon?: Record<string, unknown>
  /** The lines that end `vike build`: what was written and what to run next (targets/<name>/summary.ts). */
  summary(input: SummaryInput): string[]
  /** What a fully pre-rendered build deploys, a line of the summary; `null` where `summary` says it already. */
  prerendered(report: PrerenderedReport): string | null
  /**
   * The per-page deploy settings the target reads (Vercel: `isr`, `edge`, static `headersResponse`): checked once, at
   * config time, with `photon` (their problems and those of `photon` are one error). Without it, pages have none.
   */
  pageSettings?: {
    /** The heading of its problems in the error, e.g. "Invalid Vercel settings:". */
    heading: string
    /**
     * `problems` are invalid values (one error, with those of `photon`); `warnings` are settings that contradict each
     * other where one wins (printed once each; the plans keep only the winner).
     */
    check(pages: PageSettingsSource[]): { plans: ResolvedPageSettings[]; problems: string[]; warnings: string[] }
  }
  /** What the target's output can do. Code that differs per target reads these, never the target's `name`. */
  capabilities: TargetCapabilities
  /** Where the target is documented. */
  docs: string
}

/** How a target deploys units (pages bundled on their own, holding that page, the error page and the shared runtime). */
export interface UnitsCapability {
  /**
   * Each unit is a function of its own (Vercel, Netlify): a page that gets a function for any reason (`photonUnit`,
   * or the target's own settings such as Vercel's `isr` and `edge`) is a unit. `false` (Node): `photonUnit` pages only.
   */
  functions: boolean
  /**
   * Who writes a unit's bundle:
   * - `'server-build'`: vike-photon's server build, as `dist/server/units/<page>.mjs` (plugin/per-page-plugin.ts), for
   *   the target to serve (Node's router reads `units/manifest.json`; Netlify wraps each file in a function);
   * - `'photon-adapter'`: Photon's adapter, one function per entry that carries the adapter's options (Vercel: the
   *   entry's `vercel` field, @photonjs/vercel 0.1.23); every other entry is marked server-only (plan-entries.ts).
   */
  bundle: 'server-build' | 'photon-adapter'
}

/** A target's capabilities, as data (see targets/README.md). */
export interface TargetCapabilities {
  /**
   * Whether and how pages are deployed on their own (units: plugin/per-page-plugin.ts). `false`: the app is deployed as
   * one piece, and `photonUnit` is ignored with a warning.
   */
  units: false | UnitsCapability
  /**
   * `dist/server/index.mjs` is vike-photon's Node launcher (runtime/serve-node.ts), which `photon.standalone` can make
   * runnable without node_modules. `false`: the target writes its own server output (a Worker, functions).
   */
  nodeServer: boolean
  /** Static files get `.br` and `.gz` variants at build (targets/node/precompress-plugin.ts). */
  precompress: boolean
  /** Who compresses responses: vike-photon's server (`photon.compress`), or the platform (the setting is then off). */
  compression: 'server' | 'platform'
  /** What the target deploys, for messages: "its Worker is bundled already". */
  output: { noun: string; plural: boolean }
}
