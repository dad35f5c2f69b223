import { existsSync, statSync } from 'node:fs'
import { dirname, isAbsolute, join, relative } from 'node:path'
import { didYouMean } from '../did-you-mean.js'
import { VikePhotonError, warnOnce } from '../errors.js'
import type { PageSettingsSource, ResolvedSettings } from '../settings.js'
import type { TargetDefinition } from '../targets/types.js'

export interface SettingsSource {
  /** The raw `photon` value, as Vike read it from the user's config files. */
  value: unknown
  /** The file that set it, as Vike shows it to users (e.g. `/pages/+config.ts`). */
  definedAt: string | null
  /** The same file as an absolute path, to resolve a relative `server` next to it. */
  definedAtAbsolute: string | null
  root: string
  /**
   * Who compresses responses on the deploy target (its `capabilities.compression`). On `'platform'` (Cloudflare,
   * Vercel) `compress` resolves to `false`: compressing in the server too would do it twice.
   */
  compression?: 'server' | 'platform'
  fileExists?: (path: string) => boolean
  isDirectory?: (path: string) => boolean
}

const SERVER_EXTENSIONS = ['.ts', '.js', '.mts', '.mjs', '.tsx', '.jsx']
const KNOWN_KEYS = new Set(['server', 'hmr', 'compress', 'static', 'endpoints', 'entries', 'standalone'])

/**
 * Turns the user's `photon` setting into complete, validated settings. Every problem is collected first, so
 * a user fixes them all in one go.
 */
export function resolveSettings(source: SettingsSource): ResolvedSettings {
  const { settings, problems } = checkSettings(source)
  if (problems.length > 0) throw new VikePhotonError(problemsSection(settingsHeading(source), problems))
  return settings
}

/** How the error names the `photon` setting: "Invalid `photon` setting in /pages/+config.ts:". */
export function settingsHeading(source: Pick<SettingsSource, 'definedAt'>): string {
  const where = source.definedAt ? ` in ${source.definedAt}` : ''
  return `Invalid \`photon\` setting${where}:`
}

/** One section of a settings error: its heading (ending with a colon), then one line per problem. */
export function problemsSection(heading: string, problems: string[]): string {
  return `${heading}\n${problems.map((p) => `  - ${p}`).join('\n')}`
}

/** The resolved settings and every problem found on the way (the settings are only usable when there is none). */
export function checkSettings(source: SettingsSource): { settings: ResolvedSettings; problems: string[] } {
  const { value, definedAt, root } = source
  const where = definedAt ? ` in ${definedAt}` : ''
  const problems: string[] = []

  if (value !== undefined && (typeof value !== 'object' || value === null || Array.isArray(value))) {
    throw new VikePhotonError(
      `\`photon\`${where} must be an object such as \`{ server: 'server/index.ts' }\`, got ${describe(value)}.`,
    )
  }
  const settings = (value ?? {}) as Record<string, unknown>

  for (const key of Object.keys(settings)) {
    if (!KNOWN_KEYS.has(key)) {
      problems.push(
        `\`photon.${key}\` is not a setting of vike-photon (known: ${[...KNOWN_KEYS].join(', ')}).` +
          didYouMean(key, KNOWN_KEYS, (k) => `\`photon.${k}\``),
      )
    }
  }

  let server: string | null = null
  // `null` means "not set", as for every other key (e.g. a nested +config resetting an inherited server).
  if (settings.server !== undefined && settings.server !== null) {
    if (typeof settings.server !== 'string' || settings.server === '') {
      problems.push(`\`photon.server\` must be a path such as 'server/index.ts', got ${describe(settings.server)}.`)
    } else {
      const tried = serverCandidates(settings.server, root, source.definedAtAbsolute)
      const exists = source.fileExists ?? existsSync
      server = tried.find(exists) ?? null
      if (!server) {
        const triedList = tried.map((p) => relative(root, p) || p).join(', ')
        problems.push(
          `\`photon.server\` is '${settings.server}' but no such file exists (tried ${triedList}). ` +
            `Create that file, or fix the path: it is resolved from the project root, or relative to the file that sets it.`,
        )
      }
    }
  }

  const hmr = settings.hmr ?? true
  if (hmr !== true && hmr !== false && hmr !== 'prefer-restart') {
    problems.push(`\`photon.hmr\` must be true, false or 'prefer-restart', got ${describe(hmr)}.`)
  }

  const compress = settings.compress ?? true
  if (typeof compress !== 'boolean') {
    problems.push(`\`photon.compress\` must be true or false, got ${describe(compress)}.`)
  }

  let staticSettings: ResolvedSettings['static'] = { cacheControl: 'public, max-age=0, must-revalidate' }
  const rawStatic = settings.static ?? true
  if (rawStatic === false) {
    staticSettings = false
  } else if (typeof rawStatic === 'object' && rawStatic !== null && !Array.isArray(rawStatic)) {
    const { cacheControl, ...unknown } = rawStatic as Record<string, unknown>
    for (const key of Object.keys(unknown)) {
      problems.push(
        `\`photon.static.${key}\` is not a setting of vike-photon (known: cacheControl).${didYouMean(key, ['cacheControl'], (k) => `\`photon.static.${k}\``)}`,
      )
    }
    if (cacheControl !== undefined && typeof cacheControl !== 'string') {
      problems.push(`\`photon.static.cacheControl\` must be a string, got ${describe(cacheControl)}.`)
    } else if (cacheControl) {
      staticSettings = { cacheControl }
    }
  } else if (rawStatic !== true) {
    problems.push(`\`photon.static\` must be true, false or \`{ cacheControl }\`, got ${describe(rawStatic)}.`)
  }

  let endpoints: string | null = null
  if (settings.endpoints !== undefined) {
    if (typeof settings.endpoints !== 'string' || settings.endpoints === '') {
      problems.push(`\`photon.endpoints\` must be a folder such as 'api', got ${describe(settings.endpoints)}.`)
    } else {
      const folder = isAbsolute(settings.endpoints) ? settings.endpoints : join(root, settings.endpoints)
      const isDirectory = source.isDirectory ?? ((path: string) => existsSync(path) && statSync(path).isDirectory())
      if (isDirectory(folder)) endpoints = folder
      else
        problems.push(
          `\`photon.endpoints\` is '${settings.endpoints}' but there is no such folder (looked for ${relative(root, folder) || folder}). ` +
            'Create it, or fix the path: it is resolved from the project root.',
        )
    }
  }

  let entries: ResolvedSettings['entries'] = {}
  if (settings.entries != null) {
    const valid =
      typeof settings.entries === 'object' &&
      !Array.isArray(settings.entries) &&
      Object.values(settings.entries).every(
        (entry) => typeof entry === 'string' || (typeof entry === 'object' && entry !== null && 'id' in entry),
      )
    if (valid) entries = settings.entries as ResolvedSettings['entries']
    else {
      problems.push(
        `\`photon.entries\` must map entry names to a module id or to \`{ id, route }\`, got ${describe(settings.entries)}.`,
      )
    }
  }

  const standalone = resolveStandalone(settings.standalone, problems, where)

  const resolved: ResolvedSettings = {
    server,
    hmr: hmr as ResolvedSettings['hmr'],
    compress: (compress as boolean) && source.compression !== 'platform',
    static: staticSettings,
    endpoints,
    entries,
    standalone,
    definedAt,
  }
  return { settings: resolved, problems }
}

const STANDALONE_KEYS = ['bundle', 'minify', 'trace', 'external'] as const

/** `photon.standalone`: `true`, or `{ bundle, minify, trace, external }` (standaloner's options). */
function resolveStandalone(value: unknown, problems: string[], where: string): ResolvedSettings['standalone'] {
  if (value === undefined || value === null || value === false) return false
  const resolved = { bundle: false, minify: false, trace: true, external: [] as (string | RegExp)[] }
  if (value === true) return resolved
  if (typeof value !== 'object' || Array.isArray(value)) {
    problems.push(
      `\`photon.standalone\` must be true, false or \`{ bundle, minify, trace, external }\`, got ${describe(value)}.`,
    )
    return false
  }
  const { esbuild, ...options } = value as Record<string, unknown>
  if (esbuild !== undefined) {
    // vike-node's and vike-server's esbuild options: there is no esbuild step any more. A migrated app still builds.
    warnOnce(
      `\`photon.standalone.esbuild\`${where} is ignored: the standalone build is made by Vite and standaloner, not esbuild. ` +
        'Use `bundle`, `minify`, `trace` and `external` instead, and remove `esbuild`.',
    )
  }
  for (const [key, option] of Object.entries(options)) {
    if (key === 'external') {
      const valid = Array.isArray(option) && option.every((item) => typeof item === 'string' || item instanceof RegExp)
      if (valid) resolved.external = option as (string | RegExp)[]
      else
        problems.push(
          `\`photon.standalone.external\` must be a list of package names or RegExps, got ${describe(option)}.`,
        )
    } else if ((STANDALONE_KEYS as readonly string[]).includes(key)) {
      if (typeof option === 'boolean') resolved[key as 'bundle' | 'minify' | 'trace'] = option
      else problems.push(`\`photon.standalone.${key}\` must be true or false, got ${describe(option)}.`)
    } else {
      problems.push(
        `\`photon.standalone.${key}\` is not a setting of vike-photon (known: ${STANDALONE_KEYS.join(', ')}).${didYouMean(key, STANDALONE_KEYS, (k) => `\`photon.standalone.${k}\``)}`,
      )
    }
  }
  return resolved
}

/** Where a `photon.server` path may live: as given from the root, then next to the config file; with or without extension. */
function serverCandidates(path: string, root: string, configFile: string | null): string[] {
  const bases = isAbsolute(path) ? [path] : [join(root, path)]
  if (!isAbsolute(path) && configFile) {
    const besideConfig = join(dirname(configFile), path)
    if (!bases.includes(besideConfig)) bases.push(besideConfig)
  }
  const hasExtension = /\.[cm]?[jt]sx?$/.test(path)
  return hasExtension ? bases : bases.flatMap((base) => SERVER_EXTENSIONS.map((ext) => base + ext))
}

function describe(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  if (typeof value === 'string') return `'${value}'`
  if (typeof value === 'object') return 'an object'
  return String(value)
}

/** How the error names the pages' own settings, on every target. */
export const PAGE_SETTINGS_HEADING = 'Invalid page settings:'

/**
 * `photonUnit` of every page, resolved once with the other settings: the ids of the pages the target deploys on their
 * own, and every problem with the setting (for the settings plugin's one error).
 */
export function checkPhotonUnits(
  pages: readonly PageSettingsSource[],
  target: Pick<TargetDefinition, 'capabilities' | 'title'>,
): { units: Set<string>; problems: string[] } {
  const problems: string[] = []
  const asked = pages.filter((page) => {
    const { value, definedAt } = page.photonUnit
    if (value === undefined || value === null || value === false) return false
    if (value !== true) {
      problems.push(
        `\`photonUnit\` of page ${page.pageId}${definedAt ? ` (${definedAt})` : ''} must be true or false, got ${describe(value)}. ` +
          'Set `photonUnit: true` to deploy the page as a bundle of its own, or remove the setting.',
      )
      return false
    }
    // A route function or a catch-all glob only Vike's router can match: no unit can be routed to.
    if (!page.route || page.route === '/**') {
      warnOnce(
        `${page.pageId} has \`photonUnit: true\` but its route is a route function or a catch-all glob, which only Vike's router can match: ` +
          'it stays in the server bundle. Give it a route string (https://vike.dev/route-string) to deploy it as its own unit.',
      )
      return false
    }
    return true
  })
  return { units: new Set(unitsForTarget(asked, target).map((page) => page.pageId)), problems }
}

/**
 * The units the target can deploy: every one on Node, Vercel and Netlify, none on Cloudflare, where the app is one
 * Worker (a Worker per page would need a router Worker in front and service bindings, which Photon's Cloudflare
 * adapter does not write). Said once, so that nobody expects per-page bundles there.
 */
export function unitsForTarget<Page>(units: Page[], target: Pick<TargetDefinition, 'capabilities' | 'title'>): Page[] {
  if (units.length === 0 || target.capabilities.units) return units
  warnOnce(
    `\`photonUnit\` is ignored on ${target.title}: the app is deployed as one Worker, which holds every page ` +
      `(${units.length} page${units.length > 1 ? 's' : ''} asked for a unit of ${units.length > 1 ? 'their' : 'its'} own). Remove the setting, or keep it for Node and Vercel builds.`,
  )
  return []
}
