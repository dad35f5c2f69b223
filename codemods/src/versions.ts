import {
  CLOUDFLARE_MINIMUMS,
  EXACT_PINS,
  KNOWN_GOOD_VERSIONS,
  NODE20_PINNED_TRANSITIVE_VERSIONS,
  PEER_MINIMUMS,
  PINNED_TRANSITIVE_VERSIONS,
  UNIVERSAL_MIDDLEWARE_VERSIONS,
  VIKE_PHOTON_VERSION,
  VIKE_SET_VERSIONS,
  VITE_PEER_VERSIONS,
  VITE_PLUGIN_VERSIONS,
} from '../../packages/vike-photon/src/facts.js'

/**
 * Versions that `vike-photon migrate` writes into a migrated app's package.json, as `^<version>` ranges. The tables
 * live with the extension (packages/vike-photon/src/facts.ts), which checks projects against the same facts.
 * vike-photon's own version is not listed: it comes from vike-photon's package.json at run time.
 */
export const knownGoodVersions = KNOWN_GOOD_VERSIONS

/** vike-photon's version, when the engine does not pass the running one (fixture tests, a transform run alone). */
export const defaultVikePhotonVersion = VIKE_PHOTON_VERSION
export type KnownPackage = keyof typeof knownGoodVersions

export const pinnedTransitiveVersions = PINNED_TRANSITIVE_VERSIONS
export const node20PinnedTransitiveVersions = NODE20_PINNED_TRANSITIVE_VERSIONS

/** `@universal-middleware/*` versions Photon uses: an app's own range on the same 0.x line moves up to them. */
export const universalMiddlewareVersions = UNIVERSAL_MIDDLEWARE_VERSIONS

/** Minimum versions vike-photon needs (its peer dependencies): below these, rule 6 bumps. */
export const minimumVersions = PEER_MINIMUMS

/** Below these, a Cloudflare app's package moves to `knownGoodVersions` (wrangler 3 cannot run @cloudflare/vite-plugin 1.34). */
export const cloudflareMinimums = CLOUDFLARE_MINIMUMS

/** Packages that move together with vike and vite (UI integrations, companions, their peers). */
export const vikeSetVersions = VIKE_SET_VERSIONS

/** Vite plugins whose older releases refuse (or break under) the Vite that migrate writes. */
export const vitePluginVersions = VITE_PLUGIN_VERSIONS

/** Optional peers of that Vite which npm checks when the app lists them (@types/node). */
export const vitePeerVersions = VITE_PEER_VERSIONS

/**
 * The range migrate writes for a version. For 0.x versions `^` keeps the minor: `^0.2.0` excludes 0.1.x. A package
 * in EXACT_PINS (wrangler: newer releases need Node 22) gets the version itself.
 */
export function rangeFor(version: string, name?: string): string {
  return name && EXACT_PINS.has(name) ? version : `^${version}`
}

/**
 * npm only: Vike 0.4.266 has an optional peer `react-streaming >=0.3.42`, and npm checks it even when nothing
 * installs it. The newest react-streaming (0.4.21) wants React >= 19, so an app whose tree holds React 18 (a Vue app
 * with a React widget, a React 18 app) fails `npm install` with ERESOLVE. 0.3.50 is the newest that takes React 18.
 */
export const reactStreamingForReact18 = { below: '19.0.0', version: '0.3.50' } as const
