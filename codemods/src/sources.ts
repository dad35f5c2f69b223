import type { SourceId } from './context.js'

/** A legacy setup `vike-photon migrate` moves off, detected from package.json. */
export interface SourceDefinition {
  id: SourceId
  title: string
  /** The package whose presence means this source (the first one found wins). */
  packages: string[]
  /**
   * Extra condition on the package's version (vike-cloudflare changed shape in 0.2): `version` is the installed
   * one (else the range's lowest), `range` what package.json declares.
   */
  matches?: (version: string | null, range?: string) => boolean
}

const below = (v: string | null, major: number, minor: number) => {
  const m = v && /(\d+)\.(\d+)/.exec(v)
  return m ? Number(m[1]) < major || (Number(m[1]) === major && Number(m[2]) < minor) : false
}

/** Every source, as data (detection, CLI output and the registry's `sources` all read this). */
export const sourceDefinitions: SourceDefinition[] = [
  { id: 'vike-server', title: 'vike-server', packages: ['vike-server'] },
  { id: 'vike-node', title: 'vike-node', packages: ['vike-node'] },
  {
    id: 'vike-cloudflare-pages',
    title: 'vike-cloudflare (Pages plugin, 0.1)',
    packages: ['vike-cloudflare'],
    matches: (v) => below(v, 0, 2),
  },
  {
    id: 'vike-cloudflare',
    title: 'vike-cloudflare (extension, 0.2)',
    packages: ['vike-cloudflare'],
    matches: (v) => !below(v, 0, 2),
  },
  {
    id: 'vite-plugin-vercel',
    title: 'vite-plugin-vercel with @vite-plugin-vercel/vike',
    packages: ['@vite-plugin-vercel/vike', 'vite-plugin-vercel'],
  },
  { id: 'vike-vercel', title: 'vike-vercel (beta)', packages: ['vike-vercel'] },
  {
    id: 'vike-photon-upstream',
    title: 'vike-photon 0.1 (the earlier package of that name, vikejs/vike-photon)',
    packages: ['vike-photon'],
    matches: isUpstreamVikePhoton,
  },
]

/**
 * vike-photon below 0.2 on npm is another package (vikejs/vike-photon); this one starts at 0.2. A semver range in
 * package.json decides (after migrating, node_modules may still hold 0.1 until the next install); a tag, a
 * workspace or file link falls back to the installed version.
 */
export function isUpstreamVikePhoton(version: string | null, range?: string): boolean {
  const declared = range && !/^(workspace|link|file|catalog|npm|git|github|http)/.test(range) ? range : null
  if (declared && /\d+\.\d+/.test(declared)) return below(declared, 0, 2)
  return below(version, 0, 2)
}

export interface DetectedSource {
  id: SourceId
  title: string
  package: string
  /** Installed version when node_modules has it, else the lowest version package.json's range allows. */
  version: string | null
  /** Set when package.json no longer lists the package but this file still imports it (an unfinished migration). */
  importedBy?: string
}
