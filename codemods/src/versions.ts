/**
 * Versions that `vike-photon migrate` writes into a migrated app's package.json, as `^<version>` ranges.
 * Each one is a release seen working with vike-photon on Node 20; they follow the workspace's pnpm catalog
 * (`test/versions.test.ts` checks that), except `vite`: the workspace builds with Vite 8, but a legacy app's
 * plugins (e.g. @vitejs/plugin-react 4) accept Vite 7 at most, and vike-photon needs only `>=7.1`.
 * vike-photon's own version is not listed: it comes from vike-photon's package.json at run time.
 */
export const knownGoodVersions = {
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
  hono: '4.13.19',
  wrangler: '4.86.0',
} as const

export type KnownPackage = keyof typeof knownGoodVersions

/**
 * Transitive versions a migrated app must pin, by exact override: `@photonjs/cloudflare` accepts any
 * `@cloudflare/vite-plugin` 1.x, but releases after 1.34.0 need a wrangler that requires Node 22.
 */
export const pinnedTransitiveVersions = { '@cloudflare/vite-plugin': '1.34.0' } as const

/** Minimum versions vike-photon needs (its peer dependencies): below these, rule 6 bumps. */
export const minimumVersions = { vike: '0.4.256', vite: '7.1.0' } as const

export function rangeFor(version: string): string {
  return `^${version}`
}
