// The variants the bench compares, as data. Each one is the shared app (apps/shared) plus the files in
// apps/<id>/ (package.json, lockfile, pages/+config.ts, server entry), installed in isolation and built with
// `vike build`, then started with `node <entry>` (PORT and HOST from the environment).

/** `reference`: another hand-written server, the floor of one server framework (not a peer to beat). */
export type Role = 'floor' | 'ours' | 'peer' | 'reference'

export interface Variant {
  /** Folder name under apps/ and the name used by `--only`. */
  id: string
  /** The row label in the table. */
  label: string
  role: Role
  /** Production server entry, relative to the app folder. */
  entry: string
  /**
   * Installs this workspace's vike-photon (packed into a tarball, as a user would get it from npm) instead of a
   * version from the registry. Such apps have no committed lockfile: the package is rebuilt as the lead works.
   */
  workspacePackage?: boolean
}

export const variants: readonly Variant[] = [
  {
    id: 'floor',
    label: 'floor: renderPage + node:http + sirv',
    role: 'floor',
    entry: 'server/index.mjs',
  },
  {
    id: 'express-floor',
    label: 'Express floor: renderPage + Express 5 + sirv',
    role: 'reference',
    entry: 'server/index.mjs',
  },
  {
    id: 'photon-hono',
    label: 'vike-photon + Hono',
    role: 'ours',
    entry: 'dist/server/index.mjs',
    workspacePackage: true,
  },
  {
    id: 'photon-express',
    label: 'vike-photon + Express',
    role: 'ours',
    entry: 'dist/server/index.mjs',
    workspacePackage: true,
  },
  {
    id: 'photon-builtin',
    label: 'vike-photon, built-in server',
    role: 'ours',
    entry: 'dist/server/index.mjs',
    workspacePackage: true,
  },
  {
    id: 'upstream-photon-hono',
    label: 'upstream vike-photon 0.1.26 + Hono',
    role: 'peer',
    entry: 'dist/server/index.mjs',
  },
  {
    id: 'vike-server-hono',
    label: 'vike-server 1.0.25 + Hono',
    role: 'peer',
    entry: 'dist/server/index.js',
  },
  {
    id: 'vike-plus-server-hono',
    label: 'vike 0.4.266 +server + @vikejs/hono',
    role: 'peer',
    entry: 'dist/server/index.mjs',
  },
]

/** The goals from the issues, as ratios to the floor, for our Hono row (SSR: also the built-in server's). */
export const goals = {
  ssrRps: 0.95,
  /** SSR with a browser's `Accept-Encoding` (each of our variants), against the floor's uncompressed SSR. */
  ssrBrowserRps: 0.9,
  /** vike-photon + Express. */
  expressSsrRps: 0.85,
  assetRps: 0.8,
  coldStart: 1.05,
  /** `vike build` of each of our variants (wall and CPU time, median of order-balanced pairs). */
  build: 1.1,
} as const
