import type { MigrateContext, SourceId, TransformOptions } from './context.js'
import { minimumCompatibilityDate } from './lib/compatibility-date.js'
import { JsonDocument } from './lib/json.js'
import type { Project } from './project.js'
import { recordImportedPackages } from './steps/imported-packages.js'
import { createRootConfig } from './steps/root-config.js'
import { createWranglerConfig, ignoreWranglerState } from './steps/wrangler-config.js'
import { batiEntryTargets } from './transforms/bati-entry/targets.js'
import type { TransformName } from './transforms/index.js'
import { compareVersions, lowestVersion } from './transforms/package-json.js'
import { VIKE_CIRCULAR_PAGE_CONTEXT } from './transforms/page-context-json.js'
import { minimumVersions } from './versions.js'

const js = /\.(?:[cm]?[jt]sx?)$/
const cloudflare: SourceId[] = ['vike-cloudflare', 'vike-cloudflare-pages']
const vercel: SourceId[] = ['vite-plugin-vercel', 'vike-vercel']
const upstream: SourceId[] = ['vike-photon-upstream']

/** What a migration sees when it decides whether it applies. */
export interface MigrationInput {
  project: Project
  sources: ReadonlySet<SourceId>
  /** The app's root +config, when there is one. */
  rootConfig: string | null
  /** What earlier steps recorded (create steps read it; transforms get it through their options). */
  ctx: MigrateContext
  /** `name` of the app's package.json. */
  packageName?: string
}

/** A whole file a create step writes (a new file, or a plain-text file such as .gitignore). */
export interface FileWrite {
  file: string
  content: string
}

/** One file to run a transform on. `renameTo` moves it first (content kept). */
export interface MigrationTarget {
  file: string
  options?: TransformOptions
  renameTo?: string
}

interface Step {
  id: string
  title: string
  /** The sources this step serves; undefined: any. */
  sources?: SourceId[]
}

/**
 * A transform step: `check` returns the files it applies to (empty: nothing to do); the engine runs
 * `transform` on each, sharing one context.
 */
export interface TransformMigration extends Step {
  transform: TransformName
  check(input: MigrationInput): MigrationTarget[]
}

/** A create step: returns whole files to write (empty: nothing to do). It may record facts in `ctx`. */
export interface CreateMigration extends Step {
  create(input: MigrationInput): FileWrite[]
}

/** One step of `vike-photon migrate`. The engine runs every step of `migrations`, in order, and nothing else. */
export type Migration = TransformMigration | CreateMigration

const has = (input: MigrationInput, ids?: SourceId[]) => !ids || ids.some((id) => input.sources.has(id))
const files = (input: MigrationInput, name: RegExp, text?: RegExp): MigrationTarget[] =>
  input.project.files
    .filter((f) => name.test(f) && (!text || text.test(input.project.read(f) ?? '')))
    .map((file) => ({ file }))

/**
 * The app deploys to Cloudflare: it is on vike-cloudflare, or on the earlier vike-photon 0.1 with @photonjs/cloudflare.
 * The latter's wrangler config was never checked: @photonjs/cloudflare 0.1.13 does not ask for `nodejs_compat` (a real
 * app's wrangler.jsonc lacked it), and this package's Cloudflare target refuses to build without it.
 */
const onCloudflare = (input: MigrationInput) =>
  has(input, cloudflare) || (has(input, upstream) && listsPackage(input, '@photonjs/cloudflare'))

function listsPackage(input: MigrationInput, name: string): boolean {
  try {
    const manifest = JSON.parse((input.project.read('package.json') ?? '{}').replace(/^\uFEFF/, ''))
    return Boolean(manifest.dependencies?.[name] ?? manifest.devDependencies?.[name])
  } catch {
    return false // migrate's parse check reports a broken package.json
  }
}

/** package.json asks for a Vike older than `version` (read before the package-json step, which raises it). */
function vikeBelow(input: MigrationInput, version: string): boolean {
  try {
    const manifest = JSON.parse((input.project.read('package.json') ?? '{}').replace(/^\uFEFF/, ''))
    const declared = manifest.dependencies?.vike ?? manifest.devDependencies?.vike
    const lowest = typeof declared === 'string' ? lowestVersion(declared) : null
    return lowest !== null && compareVersions(lowest, version) < 0
  } catch {
    return false // migrate's parse check reports a broken package.json
  }
}

const workerConfigs = (input: MigrationInput, name: RegExp): MigrationTarget[] => {
  const options = { minimumCompatibilityDate: minimumCompatibilityDate(input.project.read('package.json')) }
  return files(input, name).map((target) => ({ ...target, options }))
}

/**
 * The tsconfigs telefunc 0.2 may read for an app that lists telefunc 0.1 and has .telefunc files: the root
 * tsconfig.json, and the tsconfigs it references (telefunc takes the nearest tsconfig.json, or a reference of it
 * that includes the file). Runs before package-json, which raises telefunc.
 */
function telefuncTsconfigs(input: MigrationInput): MigrationTarget[] {
  let manifest: Record<string, Record<string, string> | undefined> = {}
  try {
    manifest = JSON.parse((input.project.read('package.json') ?? '{}').replace(/^\uFEFF/, ''))
  } catch {
    return [] // migrate's parse check reports a broken package.json
  }
  const declared = manifest.dependencies?.telefunc ?? manifest.devDependencies?.telefunc
  const lowest = declared ? lowestVersion(declared) : null
  if (!lowest || compareVersions(lowest, '0.2.0') >= 0 || files(input, /\.telefunc\.[cm]?[jt]sx?$/).length === 0)
    return []
  const root = input.project.read('tsconfig.json')
  if (root === null) return []
  let references: unknown
  try {
    references = new JsonDocument(root, true).get(['references'])
  } catch {
    return [] // migrate's parse check reports a broken tsconfig.json
  }
  const referenced = (Array.isArray(references) ? (references as { path?: unknown }[]) : [])
    .map((r) => (typeof r?.path === 'string' ? r.path.replace(/^\.\//, '') : ''))
    .map((p) => (p.endsWith('.json') ? p : `${p.replace(/\/$/, '')}/tsconfig.json`))
    .filter((p) => input.project.files.includes(p))
  return ['tsconfig.json', ...referenced].map((file) => ({ file }))
}

/** Every migration, in the order they run: later ones use what earlier ones recorded. */
export const migrations: Migration[] = [
  {
    id: 'vite-config',
    title: 'Remove vikeNode(), pages(), vercel() and their helper plugins from vite.config',
    transform: 'vite-config',
    check: (i) =>
      files(i, /^vite\.config\.[cm]?[jt]s$/, /vike-node|vike-cloudflare|vite-plugin-vercel|@hono\/vite|@hattip\/vite/),
  },
  {
    id: 'server-entry',
    title: 'Move server entries to @photonjs/<framework> and export serve()',
    transform: 'server-entry',
    check: (i) => {
      const legacy = files(
        i,
        js,
        /['"](?:vike-server|vike-cloudflare|vike-node)\/(?:hono|express|fastify|h3|elysia|hattip|webroute|api|connect)/,
      )
      // vike-node's `index` entry may only start @hono/node-server for an app imported from another file.
      const entry = i.ctx.serverEntry?.replace(/\\/g, '/').replace(/^\.\//, '')
      const launcher =
        entry && js.test(entry) && !legacy.some((t) => t.file === entry) && i.project.files.includes(entry)
          ? files(i, js, /['"]@hono\/node-server['"]/).filter((t) => t.file === entry)
          : []
      return [...legacy, ...launcher]
    },
  },
  {
    id: 'bati-entry',
    title: 'Replace the Vike route of Hono entries with apply(app) and export serve(app)',
    transform: 'bati-entry',
    check: batiEntryTargets,
  },
  {
    id: 'connect-to-web',
    title: 'Import connectToWeb/createServerResponse from @universal-middleware/express',
    sources: ['vike-server', 'vike-node'],
    transform: 'connect-to-web',
    check: (i) =>
      has(i, ['vike-server', 'vike-node']) ? files(i, js, /from\s*['"](?:vike-server|vike-node)['"]/) : [],
  },
  {
    id: 'upstream-imports',
    title: 'Replace what the earlier vike-photon 0.1 offered in code (vike-photon/plugin, getMiddlewares options)',
    sources: upstream,
    transform: 'upstream-imports',
    check: (i) =>
      has(i, upstream)
        ? files(
            i,
            js,
            /['"](?:vike-photon\/(?:plugin|api|photon-types|universal-middlewares)|@photonjs\/(?:core|cloudflare|vercel)\/vite)['"]/,
          )
        : [],
  },
  {
    id: 'build-output-import',
    title: 'Mark files that import the old server build (dist/server/index.*) as an app',
    transform: 'build-output-import',
    // vercel-endpoint already marks the Vercel API routes of Vercel apps.
    check: (i) =>
      files(i, js, /dist\/server\/index\.[cm]?js['"]/).filter(({ file }) => !(has(i, vercel) && /^_?api\//.test(file))),
  },
  {
    id: 'plus-server-file',
    title: 'Rename the +server plus-file to +photon',
    sources: ['vike-server', 'vike-cloudflare'],
    transform: 'plus-server-file',
    check: (i) =>
      has(i, ['vike-server', 'vike-cloudflare'])
        ? files(i, /(^|\/)\+server\.[cm]?[jt]s$/).map(({ file }) => ({
            file,
            renameTo: file.replace(/\+server(\.[cm]?[jt]s)$/, '+photon$1'),
          }))
        : [],
  },
  {
    id: 'root-config',
    title: 'Create pages/+config when the app has no root +config (rule 16)',
    create: createRootConfig,
  },
  {
    id: 'plus-config',
    title: 'Extend vike-photon in +config and move `server` to `photon`',
    transform: 'plus-config',
    check: (i) => {
      const legacy =
        /vike-server\/config|vike-cloudflare\/config|@vite-plugin-vercel\/vike\/config|vike-vercel\/config|vite-plugin-vercel\/utils/
      const perPage = has(i, vercel) ? /\b(isr|headers)\s*:/ : null
      const targets = files(i, /(^|\/)\+config\.[cm]?[jt]s$/).filter(({ file }) => {
        const text = i.project.read(file) ?? ''
        return file === i.rootConfig || legacy.test(text) || (perPage?.test(text) ?? false)
      })
      return targets.map((t) => (t.file === i.rootConfig ? { ...t, options: { rootConfig: true } } : t))
    },
  },
  {
    id: 'upstream-settings',
    title: "Rewrite the earlier vike-photon 0.1's `photon` values that vike-photon reads differently",
    sources: upstream,
    transform: 'upstream-settings',
    check: (i) =>
      has(i, upstream)
        ? [...files(i, /(^|\/)\+config\.[cm]?[jt]s$/, /\bphoton\s*:/), ...files(i, /(^|\/)\+photon\.[cm]?[jt]s$/)]
        : [],
  },
  {
    id: 'cloudflare-env',
    title: 'Mark pageContext.env / pageContext.ctx (vike-cloudflare types)',
    sources: cloudflare,
    transform: 'cloudflare-env',
    check: (i) => (has(i, cloudflare) ? files(i, js, /pageContext\.(?:env|ctx)\b/) : []),
  },
  {
    id: 'page-context-json',
    title: `Mark JSON.stringify(pageContext) when Vike is raised past ${VIKE_CIRCULAR_PAGE_CONTEXT}`,
    transform: 'page-context-json',
    // Only when migrate raises Vike (below vike-photon's minimum, to a Vike from 0.4.260 on).
    check: (i) => (vikeBelow(i, minimumVersions.vike) ? files(i, js, /JSON\.stringify\(/) : []),
  },
  {
    id: 'vercel-endpoint',
    title: 'Mark Vercel endpoints under /api and /_api',
    sources: vercel,
    transform: 'vercel-endpoint',
    check: (i) => (has(i, vercel) ? files(i, /^_?api\/.+\.[cm]?[jt]sx?$/) : []),
  },
  {
    id: 'tsconfig',
    title: 'Remove vike-cloudflare/types and vite-plugin-vercel/types from tsconfig',
    transform: 'tsconfig',
    check: (i) =>
      files(
        i,
        /^tsconfig(\.[\w-]+)?\.json$/,
        /vike-cloudflare\/types|vite-plugin-vercel\/types|vike-photon\/photon-types/,
      ),
  },
  {
    id: 'telefunc-strict',
    title: 'Set compilerOptions.strict where telefunc 0.2 (raised from 0.1) reads the .telefunc files',
    transform: 'telefunc-strict',
    check: telefuncTsconfigs,
  },
  {
    id: 'wrangler-toml',
    title: 'Point wrangler.toml at the Photon worker entry',
    sources: [...cloudflare, ...upstream],
    transform: 'wrangler-toml',
    check: (i) => (onCloudflare(i) ? workerConfigs(i, /^wrangler\.toml$/) : []),
  },
  {
    id: 'wrangler-json',
    title: 'Point wrangler.json(c) at the Photon worker entry',
    sources: [...cloudflare, ...upstream],
    transform: 'wrangler-json',
    check: (i) => (onCloudflare(i) ? workerConfigs(i, /^wrangler\.jsonc?$/) : []),
  },
  {
    id: 'wrangler-config',
    title: 'Create wrangler.jsonc when a Cloudflare app has no wrangler config (rule 35)',
    sources: cloudflare,
    create: (i) => (has(i, cloudflare) ? createWranglerConfig(i) : []),
  },
  {
    id: 'gitignore-wrangler',
    title: 'Ignore .wrangler/ in .gitignore',
    sources: cloudflare,
    create: (i) => (has(i, cloudflare) ? ignoreWranglerState(i) : []),
  },
  {
    id: 'imported-packages',
    title: 'Record which removed plugins are still imported (for package.json, rule 7)',
    create: recordImportedPackages,
  },
  {
    id: 'upstream-package-json',
    title: 'Point vike-photon 0.1 (vikejs/vike-photon) at this package and raise @photonjs/*',
    sources: upstream,
    transform: 'upstream-package-json',
    check: (i) => (has(i, upstream) ? files(i, /^package\.json$/) : []),
  },
  {
    id: 'package-json',
    title: 'Swap legacy packages for vike-photon and @photonjs/*, rewrite scripts',
    transform: 'package-json',
    check: (i) => files(i, /^package\.json$/),
  },
]
