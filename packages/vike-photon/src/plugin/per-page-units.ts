import { VikePhotonError } from '../errors.js'
import { UNIT_FALLBACK_ID, unitGlobalEntryId, VIKE_GLOBAL_ENTRY } from './entry-ids.js'

// Per-page units (the `photonUnit` setting): a page deployed as its own server bundle that holds that page, the
// error page and the shared runtime, and nothing of any other page.
//
// How it is cut. Vike's production entry (`virtual:@brillout/vite-plugin-server-entry:serverEntry`) hands Vike its
// global entry (`virtual:vike:global-entry:server`), a list of every page with a lazy `import()` of the page's code.
// A bundle that contains that list contains every page. A unit instead gets its own copy of both modules, in which the
// list holds only the unit's page and the error page: the bundler then has no path to any other page's code.
// The helpers here rewrite Vike's generated code; they check what they rely on and fail loudly if Vike changes it.

/**
 * Stands for the assets manifest in a unit's production entry until the bundle is written. Vike fills its own
 * placeholder in exactly one chunk (it asserts so), so units carry this one (an identifier, so that the code parses),
 * with the page id hex-encoded: the per-page plugin fills it with the manifest entries of that page only.
 */
export const unitAssetsManifestPlaceholder = (pageId: string) =>
  `__VIKE_PHOTON_UNIT_ASSETS_MANIFEST_${Buffer.from(pageId).toString('hex')}__`
export const UNIT_ASSETS_MANIFEST_PLACEHOLDER = /__VIKE_PHOTON_UNIT_ASSETS_MANIFEST_([0-9a-f]+)__/g
export const pageIdOfPlaceholder = (hex: string) => Buffer.from(hex, 'hex').toString()

interface ManifestChunk {
  isEntry?: boolean
  imports?: string[]
  dynamicImports?: string[]
}

/**
 * Vike's assets manifest (`dist/assets.json`, one entry per client file) cut down to what a unit renders: its page's
 * client entry, the error page's, the other entries that are no page (Vike's client runtime) and the chunks they
 * import. Without this, every unit would carry a line per page of the app: its size would grow with the app.
 */
export function filterAssetsManifest(manifest: Record<string, ManifestChunk>, pageId: string): Record<string, unknown> {
  const pageEntryPrefix = 'virtual:vike:page-entry:client:'
  const keys = Object.keys(manifest)
  const pageKeys = keys.filter((key) => key.startsWith(pageEntryPrefix))
  const errorKeys = pageKeys.filter((key) => /\/_error$/.test(key))
  const roots = [
    ...keys.filter((key) => manifest[key]?.isEntry && !key.startsWith(pageEntryPrefix)),
    ...pageKeys.filter((key) => key === `${pageEntryPrefix}${pageId === '/' ? 'ROOT' : pageId}`),
    ...errorKeys,
  ]
  const kept = new Set<string>()
  const visit = (key: string) => {
    if (kept.has(key) || !manifest[key]) return
    kept.add(key)
    for (const imported of manifest[key].imports ?? []) visit(imported)
  }
  roots.forEach(visit)
  return Object.fromEntries(
    [...kept].map((key) => {
      const chunk = manifest[key] as ManifestChunk
      const dynamicImports = chunk.dynamicImports?.filter((imported) => kept.has(imported))
      return [key, dynamicImports ? { ...chunk, dynamicImports } : chunk]
    }),
  )
}

/** The file name of a page's unit, from its page id: `/pages/about` → `pages_about`, `/pages/index` → `pages_index`. */
export function unitFileName(pageId: string): string {
  const name = pageId
    .replace(/^\/+/, '')
    .replace(/[^A-Za-z0-9_-]+/g, '_')
    .replace(/^_+|_+$/g, '')
  return name || 'root'
}

const BUG = 'per-page units do not understand the code this version of Vike generates (bug in vike-photon)'

/**
 * Vike's production entry, rewritten for one unit: it imports the unit's global entry instead of Vike's, and carries
 * vike-photon's assets-manifest placeholder instead of Vike's.
 */
export function unitServerEntryCode(serverEntryCode: string, pageId: string): string {
  const globalEntryImport = new RegExp(`(['"])${escapeRegex(VIKE_GLOBAL_ENTRY)}\\1`, 'g')
  const manifest = /__VITE_ASSETS_MANIFEST_\w*/g
  if (!globalEntryImport.test(serverEntryCode) || !manifest.test(serverEntryCode)) {
    throw new VikePhotonError(`${BUG}: Vike's production entry no longer imports ${VIKE_GLOBAL_ENTRY}.`)
  }
  return serverEntryCode
    .replace(globalEntryImport, JSON.stringify(unitGlobalEntryId(pageId)))
    .replace(manifest, unitAssetsManifestPlaceholder(pageId))
}

/**
 * Vike's global entry with only the pages in `keep` (and the error pages) left in `pageConfigsSerialized`, and
 * without the imports that only the removed pages used (e.g. their `+route.ts`).
 */
export function filterGlobalEntry(code: string, keep: ReadonlySet<string>): string {
  const lines = code.split('\n')
  const start = lines.indexOf('export const pageConfigsSerialized = [')
  const end = lines.indexOf('];', start)
  if (start === -1 || end === -1) throw new VikePhotonError(`${BUG}: no pageConfigsSerialized list.`)

  const kept: string[] = []
  const removed: string[] = []
  let block: string[] | null = null
  for (const line of lines.slice(start + 1, end)) {
    if (block === null) {
      if (line !== '  {') throw new VikePhotonError(`${BUG}: unexpected line in pageConfigsSerialized: ${line}`)
      block = [line]
      continue
    }
    block.push(line)
    if (line !== '  },') continue
    const pageId = /^ {4}pageId: (".*"),$/.exec(block[1] ?? '')?.[1]
    if (!pageId) throw new VikePhotonError(`${BUG}: a page config without pageId.`)
    const isErrorPage = block[2] === '    isErrorPage: true,'
    if (isErrorPage || keep.has(JSON.parse(pageId) as string)) kept.push(...block)
    else removed.push(JSON.parse(pageId) as string)
    block = null
  }
  if (block !== null) throw new VikePhotonError(`${BUG}: unterminated page config.`)

  const body = [...lines.slice(0, start + 1), ...kept, ...lines.slice(end)]
  const filtered = removeUnusedImports(body).join('\n')
  for (const pageId of keep) {
    if (!filtered.includes(`pageId: ${JSON.stringify(pageId)},`)) {
      throw new VikePhotonError(`${BUG}: page ${pageId} is not in Vike's global entry.`)
    }
  }
  for (const pageId of removed) {
    if (filtered.includes(JSON.stringify(pageId))) {
      throw new VikePhotonError(`${BUG}: page ${pageId} is still referenced after filtering.`)
    }
  }
  return filtered
}

const IMPORT_LINE = /^import\s+(.+?)\s+from\s+(['"]).+\2;?$/

/** Drops `import … from '…'` lines none of whose bindings is used any more. Side-effect imports stay. */
function removeUnusedImports(lines: string[]): string[] {
  const rest = lines.filter((line) => !IMPORT_LINE.test(line)).join('\n')
  return lines.filter((line) => {
    const clause = IMPORT_LINE.exec(line)?.[1]
    if (!clause) return true
    const locals = importedLocals(clause)
    return (
      locals.length === 0 || locals.some((local) => new RegExp(`(?<![\\w$])${escapeRegex(local)}(?![\\w$])`).test(rest))
    )
  })
}

/** The local names an import clause binds: `a`, `* as b`, `{ c, d as e }` → a, b, c, e. */
function importedLocals(clause: string): string[] {
  const locals: string[] = []
  const named = /\{([^}]*)\}/.exec(clause)?.[1]
  if (named) {
    for (const part of named.split(',')) {
      const name = part
        .trim()
        .split(/\s+as\s+/)
        .at(-1)
      if (name) locals.push(name)
    }
  }
  const outside = clause.replace(/\{[^}]*\}/, '')
  for (const part of outside.split(',')) {
    const name = part
      .trim()
      .replace(/^\*\s+as\s+/, '')
      .trim()
    if (name) locals.push(name)
  }
  return locals
}

function escapeRegex(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/**
 * Photon's middleware list for a unit's own bundle (`virtual:photon:get-middlewares:<cond>:<server>:<entry>`, as
 * @photonjs/core 0.1.22 generates it), with the unit's fallback handler appended after the page's handler. Without it,
 * a URL outside the page's route matched no handler in the unit, and the server framework answered its own
 * `404 text/plain` (Hono's "404 Not Found") instead of the app's error page.
 */
export function withUnitFallback(code: string): string {
  const list = /(export function getUniversalEntries\(\) \{\s*return \[)([\s\S]*?)(\]\.flat\(1\);)/
  if (!list.test(code)) {
    throw new VikePhotonError(`${BUG}: Photon's middleware list has no getUniversalEntries() (@photonjs/core changed).`)
  }
  const fallback = `extractUniversal(__vikePhotonUnitFallback, ${JSON.stringify(UNIT_FALLBACK_ID)}, errorMessageEntry)`
  return `import __vikePhotonUnitFallback from ${JSON.stringify(UNIT_FALLBACK_ID)};\n${code.replace(
    list,
    (_match, start: string, items: string, end: string) =>
      `${start}${items.trim() ? `${items.trimEnd()}, ` : ''}${fallback}${end}`,
  )}`
}
