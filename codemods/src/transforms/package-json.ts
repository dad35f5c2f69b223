import type { API, FileInfo } from 'jscodeshift'
import { contextOf, type SourceId, type TransformOptions } from '../context.js'
import { adapterPackage } from '../frameworks.js'
import { JsonDocument } from '../lib/json.js'
import {
  cloudflareMinimums,
  defaultVikePhotonVersion,
  type KnownPackage,
  knownGoodVersions,
  minimumVersions,
  node20PinnedTransitiveVersions,
  pinnedTransitiveVersions,
  rangeFor,
  reactStreamingForReact18,
  universalMiddlewareVersions,
  vikeSetVersions,
  vitePeerVersions,
  vitePluginVersions,
} from '../versions.js'

const sections = ['dependencies', 'devDependencies'] as const
type Section = (typeof sections)[number]

/** Legacy package → its replacement, in the order they are applied (rules 1, 3, 4, 5). */
const replacements: [legacy: string, replacement: string, source: SourceId][] = [
  ['vike-server', 'vike-photon', 'vike-server'],
  ['vike-node', 'vike-photon', 'vike-node'],
  ['vike-cloudflare', '@photonjs/cloudflare', 'vike-cloudflare'],
  ['vite-plugin-vercel', '@photonjs/vercel', 'vite-plugin-vercel'],
  ['@vite-plugin-vercel/vike', 'vike-photon', 'vite-plugin-vercel'],
  ['vike-vercel', 'vike-photon', 'vike-vercel'],
]

/**
 * package.json: swaps legacy packages for vike-photon and its Photon adapters (rules 1-7) and rewrites
 * scripts (rules 8-10). Edits are textual, so indentation and key order stay; new keys are inserted
 * in sorted position when the section is sorted.
 */
export default function packageJson(file: FileInfo, _api: API, options: TransformOptions): string {
  const ctx = contextOf(options)
  const doc = new JsonDocument(file.source, false)
  const todo = (path: (string | number)[], message: string) =>
    ctx.reportedTodos.push({ file: file.path, line: doc.lineOf(path), message })
  const sectionOf = (name: string): Section | null => sections.find((s) => doc.get([s, name]) !== undefined) ?? null
  const version = (name: string): string =>
    name === 'vike-photon'
      ? (options.vikePhotonVersion ?? defaultVikePhotonVersion)
      : knownGoodVersions[name as KnownPackage]
  const add = (name: string, section: Section) => {
    if (!sectionOf(name)) doc.set([section, name], rangeFor(version(name), name))
  }
  const currentRange = (name: string): string | undefined => {
    const section = sectionOf(name)
    return section ? (doc.get([section, name]) as string) : undefined
  }
  /** Sets `name` to `^version` when the app lists it with a lowest version below `floor`. */
  const raiseBelow = (name: string, floor: string, version: string): boolean => {
    const section = sectionOf(name)
    const lowest = section ? lowestVersion(doc.get([section, name]) as string) : null
    if (!section || !lowest || compareVersions(lowest, floor) >= 0) return false
    doc.set([section, name], rangeFor(version, name))
    return true
  }
  /**
   * Once vike or vite moved: Vike's UI integrations and their companions move to the versions that work with them,
   * the UI libraries their peers then ask for follow, and known Vite plugins move to releases that accept the new Vite.
   */
  const alignVikeSet = () => {
    const { integrations, peers } = vikeSetVersions
    for (const [name, v] of Object.entries(integrations)) raiseBelow(name, v, v)
    for (const [integration, libraries] of Object.entries(peers)) {
      if (!sectionOf(integration)) continue
      for (const [name, { below, version }] of Object.entries(libraries)) raiseBelow(name, below, version)
    }
    for (const [name, v] of Object.entries(vitePluginVersions)) raiseBelow(name, v, v)
    for (const [name, { below, version }] of Object.entries(vitePeerVersions)) raiseBelow(name, below, version)
  }

  const found = new Set<SourceId>(ctx.sources)
  let mainSection: Section | null = null
  for (const [legacy, replacement, source] of replacements) {
    const section = sectionOf(legacy)
    if (!section) continue
    found.add(source)
    mainSection ??= section
    if (sectionOf(replacement)) doc.remove([section, legacy])
    else if (doc.isSorted([section])) {
      // A sorted section stays sorted; otherwise the replacement takes the legacy package's place.
      doc.remove([section, legacy])
      doc.set([section, replacement], rangeFor(version(replacement)))
    } else doc.rename([section, legacy], replacement, rangeFor(version(replacement)))
  }
  const cloudflare = found.has('vike-cloudflare') || found.has('vike-cloudflare-pages')
  const vercel = found.has('vite-plugin-vercel') || found.has('vike-vercel')
  const migrating = found.size > 0
  const target: Section = mainSection ?? sectionOf('vike') ?? 'dependencies'

  if (migrating) add('vike-photon', target)
  for (const fw of ctx.frameworks) add(adapterPackage(fw), target)
  if (cloudflare) {
    add('@photonjs/cloudflare', target)
    add('wrangler', 'devDependencies')
    // @cloudflare/vite-plugin 1.34 runs only with wrangler >= 4.86: an app's own wrangler 3 moves up with it.
    raiseBelow('wrangler', cloudflareMinimums.wrangler, knownGoodVersions.wrangler)
    pinTransitive(doc, options.packageManager, pinnedTransitiveVersions)
  }
  if (vercel) add('@photonjs/vercel', target)
  // The app's own @universal-middleware packages share Photon's copy of the core (same 0.x line only).
  if (migrating) {
    for (const [name, v] of Object.entries(universalMiddlewareVersions)) {
      const section = sectionOf(name)
      const lowest = section ? lowestVersion(doc.get([section, name]) as string) : null
      if (lowest && lowest.split('.').slice(0, 2).join('.') === v.split('.').slice(0, 2).join('.'))
        raiseBelow(name, v, v)
    }
  }
  // vike-photon itself reaches @universal-middleware/node (through @photonjs/core), whatever the server and target.
  if (migrating) pinTransitive(doc, options.packageManager, node20PinnedTransitiveVersions)
  // @photonjs/hono serves through @hono/node-server on Node (`vike dev` too): without it, "Missing @hono/node-server package".
  if (ctx.frameworks.has('hono') && !cloudflare && !sectionOf('@photonjs/cloudflare')) add('@hono/node-server', target)
  for (const name of ctx.needs) add(name, 'dependencies')

  // Rule 7: plugin packages whose call vite.config no longer has, unless still imported somewhere.
  for (const name of ctx.removedPlugins) {
    const section = sectionOf(name)
    if (section && !ctx.importedPackages.has(name)) doc.remove([section, name])
  }

  // Rule 6: vike-photon's peer dependencies, and what must move with them.
  if (migrating) {
    const viteBefore = currentRange('vite')
    const raised = (['vike', 'vite'] as const).filter((name) =>
      raiseBelow(name, minimumVersions[name], knownGoodVersions[name]),
    )
    // Vike 0.4.266 refuses Vite below 6.3: an app that got Vite only through a lockfile now lists it.
    if (!sectionOf('vite') && sectionOf('vike')) {
      doc.set([sectionOf('vike')!, 'vite'], rangeFor(knownGoodVersions.vite))
      raised.push('vite')
    }
    const viteFloor = viteBefore ? lowestVersion(viteBefore) : null
    if (raised.includes('vite') && viteFloor && compareVersions(viteFloor, '7.0.0') < 0) {
      todo(
        [sectionOf('vite')!, 'vite'],
        `vite was bumped from ${viteBefore} to ${rangeFor(knownGoodVersions.vite)} (vike-photon needs >=${minimumVersions.vite}): check your Vite plugins support Vite 7 (https://vite.dev/guide/migration)`,
      )
    }
    if (raised.length > 0) alignVikeSet()
    pinForInstall(doc, options, raised, currentRange, todo)
  }

  if (migrating) rewriteScripts(doc, cloudflare, todo)
  return doc.text
}

/**
 * What the app's package manager needs, beyond the ranges, to install the raised versions over the app's lockfile
 * with no `--legacy-peer-deps`/`--force`. Each pin is reported, with why, at its line.
 */
function pinForInstall(
  doc: JsonDocument,
  options: TransformOptions,
  raised: string[],
  currentRange: (name: string) => string | undefined,
  todo: (path: (string | number)[], message: string) => void,
): void {
  const vite = currentRange('vite')
  if (
    options.packageManager === 'yarn' &&
    raised.length > 0 &&
    vite &&
    doc.get(['resolutions', 'vite']) === undefined
  ) {
    // vike lists vite both as a dependency (>=6.3.0) and as a peer. Yarn 1 resolves that dependency to the newest
    // Vite when the app's yarn.lock has no entry for it, while the app asks for another one: it then needs a second
    // Vite under node_modules/vike, and its linker fails ("could not find a copy of vite to link in
    // node_modules/vike/node_modules"). One Vite for the whole tree is what Vike needs anyway.
    doc.set(['resolutions', 'vite'], vite)
    todo(
      ['resolutions', 'vite'],
      `\`resolutions.vite\` keeps one Vite (${vite}) for the whole tree: vike lists vite as both a dependency and a peer, and yarn 1 cannot link a second copy under node_modules/vike ("could not find a copy of vite to link"). Keep it while you use yarn 1, and move it with the \`vite\` range`,
    )
  }
  const react = currentRange('react')
  const reactFloor = react ? lowestVersion(react) : (options.lockedReact ?? null)
  if (
    options.packageManager === 'npm' &&
    raised.includes('vike') &&
    reactFloor &&
    compareVersions(reactFloor, reactStreamingForReact18.below) < 0 &&
    doc.get(['overrides', 'react-streaming']) === undefined
  ) {
    doc.set(['overrides', 'react-streaming'], reactStreamingForReact18.version)
    todo(
      ['overrides', 'react-streaming'],
      `\`overrides.react-streaming\` is ${reactStreamingForReact18.version}: the app installs React ${react ?? reactFloor} (${react ? 'package.json' : 'package-lock.json'}), and npm refuses vike ${knownGoodVersions.vike}'s optional peer react-streaming at its newest (0.4.x wants React >= 19) with ERESOLVE. Remove this override when the app moves to React 19`,
    )
  }
}

/**
 * Writes transitive pins where the app's package manager reads them: `pnpm.overrides` (`parent>child`),
 * yarn `resolutions` (`parent/child`), npm `overrides` (nested: `{ parent: { ".": v, child: v } }`).
 * A pin the app already has is kept as it is.
 */
function pinTransitive(doc: JsonDocument, packageManager: string | undefined, pins: Record<string, string>): void {
  const keys = Object.keys(pins)
  for (const [key, version] of Object.entries(pins)) {
    const [parent, child] = key.split('>') as [string, string | undefined]
    let path: string[]
    if (packageManager === 'pnpm') path = ['pnpm', 'overrides', key]
    else if (packageManager === 'yarn') path = ['resolutions', key.replace('>', '/')]
    else if (child) path = ['overrides', parent, child]
    else path = keys.some((k) => k.startsWith(`${parent}>`)) ? ['overrides', parent, '.'] : ['overrides', parent]
    if (path.length === 3 && path[0] === 'overrides' && typeof doc.get(path.slice(0, 2)) === 'string') continue
    if (doc.get(path) === undefined) doc.set(path, version)
  }
}

function rewriteScripts(
  doc: JsonDocument,
  cloudflare: boolean,
  todo: (path: (string | number)[], message: string) => void,
): void {
  for (const name of doc.keys(['scripts'])) {
    const before = doc.get(['scripts', name])
    if (typeof before !== 'string') continue
    let script = before
    // Rule 8: the server build is now an ES module file.
    script = script.replace(
      /((?:^|[\s=])(?:\.\/)?[\w.@-]+(?:\/[\w.@-]+)*)\/server\/index\.js(?=$|[\s;&|)"'])/g,
      '$1/server/index.mjs',
    )
    if (cloudflare && /\bnode\b[^&|;]*?\bdist\/server\/index\.mjs\b/.test(script)) {
      // vike-server + vike-cloudflare: the Node build is gone, `vike build` now makes only the Worker.
      todo(
        ['scripts', name],
        `script "${name}" starts the Node server build, but with @photonjs/cloudflare \`vike build\` makes a Cloudflare Worker that node cannot start: use \`vike preview\` to try the Worker, or remove this script`,
      )
    }
    if (cloudflare) {
      // Rule 9: Cloudflare Pages → Workers.
      script = script.replace(/(?:cross-env\s+)?NODE_ENV=production\s+(?=wrangler\b)/g, '')
      script = script.replace(/\bwrangler pages (dev|deploy)((?:\s+[^\s&|;]+)*)/g, (_m, cmd: string, args: string) => {
        const replacement = cmd === 'dev' ? 'vike preview' : 'wrangler deploy'
        if (args.trim()) {
          todo(
            ['scripts', name],
            `script "${name}": \`wrangler pages ${cmd}${args}\` became \`${replacement}\`; its arguments (${args.trim()}) were dropped, set them in the wrangler config if still needed`,
          )
        }
        return replacement
      })
    }
    // Rule 10: plain Vite commands become Vike's.
    if (script === 'vite') script = 'vike dev'
    else if (script === 'vite build') script = 'vike build'
    else if (/(?:^|&&|\|\||;|\s)vite(?:\s|$)/.test(script)) {
      todo(
        ['scripts', name],
        `script "${name}" runs \`vite\`: use \`vike dev\`, \`vike build\` or \`vike preview\` instead`,
      )
    }
    if (script !== before) doc.set(['scripts', name], script)
  }
}

/** The lowest version a range allows (`^0.4.230` → `0.4.230`); null for tags, links and workspace refs. */
export function lowestVersion(range: string): string | null {
  if (/^(workspace|link|file|catalog|npm|git|github|http)/.test(range)) return null
  const m = /(\d+)\.(\d+)(?:\.(\d+))?/.exec(range)
  return m ? `${m[1]}.${m[2]}.${m[3] ?? 0}` : null
}

export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number)
  const pb = b.split('.').map(Number)
  for (let i = 0; i < 3; i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0)
    if (d !== 0) return d
  }
  return 0
}
