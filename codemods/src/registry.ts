import type { SourceId, TransformOptions } from './context.js'
import type { Project } from './project.js'
import type { TransformName } from './transforms/index.js'

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
}

/** One file to run a transform on. `renameTo` moves it first (content kept). */
export interface MigrationTarget {
  file: string
  options?: TransformOptions
  renameTo?: string
}

/**
 * One step of `vike-photon migrate`. `check` returns the files it applies to (empty: nothing to do);
 * the engine runs `transform` on each, in registry order, sharing one context.
 */
export interface Migration {
  id: string
  title: string
  /** The sources this step serves; undefined: any. */
  sources?: SourceId[]
  transform: TransformName
  check(input: MigrationInput): MigrationTarget[]
}

const has = (input: MigrationInput, ids?: SourceId[]) => !ids || ids.some((id) => input.sources.has(id))
const files = (input: MigrationInput, name: RegExp, text?: RegExp): MigrationTarget[] =>
  input.project.files
    .filter((f) => name.test(f) && (!text || text.test(input.project.read(f) ?? '')))
    .map((file) => ({ file }))

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
    check: (i) =>
      files(
        i,
        js,
        /['"](?:vike-server|vike-cloudflare|vike-node)\/(?:hono|express|fastify|h3|elysia|hattip|webroute|api)/,
      ),
  },
  {
    id: 'bati-entry',
    title: "Replace Bati's Vike route with apply(app)",
    transform: 'bati-entry',
    check: (i) => files(i, js, /vikeHandler|hono\/vercel/),
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
    id: 'wrangler-toml',
    title: 'Point wrangler.toml at the Photon worker entry',
    sources: cloudflare,
    transform: 'wrangler-toml',
    check: (i) => (has(i, cloudflare) ? files(i, /^wrangler\.toml$/) : []),
  },
  {
    id: 'wrangler-json',
    title: 'Point wrangler.json(c) at the Photon worker entry',
    sources: cloudflare,
    transform: 'wrangler-json',
    check: (i) => (has(i, cloudflare) ? files(i, /^wrangler\.jsonc?$/) : []),
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
