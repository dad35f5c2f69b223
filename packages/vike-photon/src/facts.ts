// Facts that the extension and `vike-photon migrate` (codemods/) both depend on, in one dependency-free module:
// the extension checks a project against them at build time, the codemods write them into a migrated app.
// The codemods import this file by relative path; the CLI bundles both.

/**
 * vike-photon's own version (its package.json, a test checks), for a migrated app's package.json when the CLI does not
 * pass the running version (fixture tests, transforms run alone).
 */
export const VIKE_PHOTON_VERSION = '0.2.0'

/** vike-photon's peer dependencies, as lowest versions (package.json `peerDependencies`, `require` in config.ts). */
export const PEER_MINIMUMS = { vike: '0.4.256', vite: '7.1.0' } as const

// ---------------------------------------------------------------------------------------------------------------
// Cloudflare

/** The Worker entry that Photon generates (it wraps the server entry for the Workers runtime). */
export const PHOTON_WORKER_MAIN = 'virtual:photon:cloudflare:server-entry'

/**
 * `compatibility_date` for a wrangler config that vike-photon creates or suggests. Accepted by the workerd that
 * wrangler 4.86.0 brings (1.20260426.x, which knows dates up to 2026-04-26).
 */
export const CLOUDFLARE_COMPATIBILITY_DATE = '2026-04-20'

/**
 * The oldest `compatibility_date` at which a Worker has what an app needs. An existing wrangler config with an older
 * date fails at build or at the first request; `vike-photon migrate` raises it to the date listed here.
 */
export const CLOUDFLARE_MINIMUM_DATES = {
  /** `nodejs_compat` before this date is the v1 mode, which wrangler 4 refuses ("Unsupported Node.js compat mode (v1)"). */
  nodejsCompat: '2024-09-23',
  /** React 19's server renderer uses the global `MessageChannel`, exposed from this date on (measured in workerd 1.20260426). */
  react19: '2025-08-15',
} as const

/** Server frameworks each target can run (Cloudflare: what `supportedTargetServers` allows in @photonjs/cloudflare 0.1.13). */
const ON_NODE = ['hono', 'express', 'fastify', 'h3', 'elysia', 'hattip', 'srvx'] as const
export const SERVER_FRAMEWORKS_BY_TARGET = {
  node: ON_NODE,
  cloudflare: ['hono', 'h3', 'srvx'],
  // Vercel's functions run on Node (vercel_node) or on the edge: every framework that runs on Node.
  vercel: ON_NODE,
  // What @photonjs/netlify 0.1.3 runs (`supportedTargetServers('netlify', ...)`).
  netlify: ['hono', 'h3', 'srvx'],
} as const satisfies Record<string, readonly string[]>

// ---------------------------------------------------------------------------------------------------------------
// Versions `vike-photon migrate` writes, each seen working with vike-photon on Node 20

/**
 * Exact versions; migrate writes them as `^<version>`. They follow the workspace's pnpm catalog (a test checks),
 * except `vite`: the workspace builds with Vite 8, but a legacy app's plugins reach Vite 7 at most, and
 * vike-photon needs only `>=7.1`.
 */
export const KNOWN_GOOD_VERSIONS = {
  vike: '0.4.266',
  vite: '7.3.8',
  '@photonjs/hono': '0.1.12',
  '@photonjs/express': '0.1.13',
  '@photonjs/fastify': '0.1.12',
  '@photonjs/h3': '0.1.12',
  '@photonjs/elysia': '0.1.12',
  '@photonjs/hattip': '0.1.12',
  '@photonjs/srvx': '0.1.13',
  '@photonjs/cloudflare': '0.1.13',
  '@photonjs/vercel': '0.1.23',
  '@universal-middleware/express': '0.4.29',
  '@hono/node-server': '1.19.19',
  hono: '4.13.19',
  wrangler: '4.86.0',
} as const

/**
 * Transitive versions a migrated app pins by override: `@photonjs/cloudflare` accepts any `@cloudflare/vite-plugin`
 * 1.x, but releases after 1.34.0 need a wrangler that requires Node 22.
 */
export const PINNED_TRANSITIVE_VERSIONS = { '@cloudflare/vite-plugin': '1.34.0' } as const

/**
 * Transitive versions every migrated app pins by override (`parent>child`: only under that parent). vike-photon
 * depends on `@photonjs/core` 0.1.22, which (like `@photonjs/express` 0.1.13 and, through
 * `@universal-middleware/vercel`, `@photonjs/vercel` 0.1.23) depends on `@universal-middleware/express` 0.4 →
 * `@universal-middleware/node` ^0.2.1: its releases from 0.2.7 on, and `@universal-middleware/core` from 0.6.1 on
 * (what node 0.2.6 takes), declare `engines.node >=22`, so yarn 1 refuses to install the app on Node 20 (npm and
 * pnpm warn). node 0.2.6 has every export express 0.4.31 imports; npm's engine-strict resolve picks exactly these
 * two on Node 20.
 */
export const NODE20_PINNED_TRANSITIVE_VERSIONS = {
  '@universal-middleware/node': '0.2.6',
  '@universal-middleware/node>@universal-middleware/core': '0.6.0',
} as const

/**
 * `@universal-middleware/*` packages that apps list themselves (Bati's Hono entries do), with the lowest versions
 * Photon's adapters accept (`@photonjs/hono` 0.1.12 takes `@universal-middleware/hono` ^0.4.18, which takes core
 * ^0.4.14). An app's own range on the same 0.x line with a lower floor (e.g. `^0.4.0`, locked to 0.4.1) is raised to
 * these, so that the app and Photon share one copy of the core; a range on another line (0.2) is the app's own API
 * and stays. The floors are the lowest Photon takes, not the newest release: core 0.4.18 adds an optional peer h3
 * ^1.15.11 that npm refused next to an app's older h3 (real app, locked to core 0.4.17, which ^0.4.14 keeps).
 */
export const UNIVERSAL_MIDDLEWARE_VERSIONS = {
  '@universal-middleware/core': '0.4.14',
  '@universal-middleware/hono': '0.4.18',
} as const

/** Lowest versions a Cloudflare app needs: `@cloudflare/vite-plugin` 1.34.0 requires wrangler `^4.86.0`. */
export const CLOUDFLARE_MINIMUMS = { wrangler: '4.86.0' } as const

/**
 * Packages migrate writes as an exact version, not a `^` range: every wrangler after 4.86.0 requires Node 22.12
 * (`engines`), so `^4.86.0` resolves to a wrangler that does not start on Node 20.
 */
export const EXACT_PINS: ReadonlySet<string> = new Set(['wrangler'])

/**
 * Vike's UI integrations and their companions at versions that work together with `KNOWN_GOOD_VERSIONS.vike` and
 * `.vite` on Node 20 (each one's peers are kept in codemods/test/peers.json). When migrate raises vike or vite, each
 * of these an app lists below the version here moves to it; then the libraries an integration's peers ask for
 * (`peers`: raised to `version` when the app has them below `below`).
 */
export const VIKE_SET_VERSIONS = {
  integrations: {
    'vike-react': '0.6.30',
    'vike-vue': '0.9.13',
    'vike-solid': '0.8.3',
    'vike-react-query': '0.1.13',
    'vike-react-zustand': '0.1.9',
    'vike-react-styled-components': '1.0.2',
    'vike-vue-pinia': '0.2.6',
    'vike-vue-query': '0.2.3',
    'vike-solid-query': '0.1.3',
    // telefunc 0.1.x: npm refuses it beside vike-react 0.6 (its optional peer react-streaming ^0.3), and its shield()
    // generation fails the build on Vercel ("You stumbled upon a Telefunc bug" in the vercel_edge environment).
    // 0.2.23 installs and builds there with vike 0.4.266, vite 7.3.8 and vike-photon.
    telefunc: '0.2.23',
  },
  peers: {
    // vike-react 0.6 asks for React 19; the types follow so that the app still type-checks.
    'vike-react': {
      react: { below: '19.0.0', version: '19.3.1' },
      'react-dom': { below: '19.0.0', version: '19.3.1' },
      '@types/react': { below: '19.0.0', version: '19.3.0' },
      '@types/react-dom': { below: '19.0.0', version: '19.3.0' },
    },
    'vike-solid': {
      'solid-js': { below: '1.8.7', version: '1.9.20' },
      'vite-plugin-solid': { below: '2.11.10', version: '2.11.10' },
    },
  },
} as const

/**
 * Vite plugins whose older releases stop their `vite` peer range below `KNOWN_GOOD_VERSIONS.vite` (npm then refuses
 * to install: ERESOLVE), or break at build under it (UnoCSS 0.x), with the first release seen accepting it on Node 20.
 */
export const VITE_PLUGIN_VERSIONS = {
  '@vitejs/plugin-react': '4.7.0',
  '@vitejs/plugin-react-swc': '3.11.0',
  '@vitejs/plugin-vue': '6.0.1',
  '@vitejs/plugin-vue-jsx': '5.1.1',
  '@tailwindcss/vite': '4.1.18',
  unocss: '66.5.10',
  '@unocss/vite': '66.5.10',
  // 29.x keeps markdown-it (30 moved to markdown-exit); 32.x accepts Vite 8 but needs Node 22.
  'unplugin-vue-markdown': '29.2.0',
  'vite-plugin-svgr': '4.3.0',
  'vite-plugin-pwa': '1.0.1',
  'vite-plugin-solid': '2.11.10',
} as const

/**
 * Optional peers of the Vite that migrate writes, which npm still checks when the app lists them: Vite 7 asks for
 * @types/node ^20.19.0 || >=22.12.0, and an app's own @types/node 18 (Bati's default in 2024) made `npm install`
 * fail with ERESOLVE after migrating (a real corpus app, luacsoulet/pokedex-project). Raised when below `below`.
 */
export const VITE_PEER_VERSIONS = {
  '@types/node': { below: '20.19.0', version: '20.19.9' },
} as const
