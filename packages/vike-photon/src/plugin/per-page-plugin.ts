import { readFile, writeFile } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import { getPhotonServerIdWithEntry } from '@photonjs/core/api'
import { VikePhotonError } from '../errors.js'
import type { PageEntry, PluginContext } from './context.js'
import { createPlugin } from './create-plugin.js'
import {
  OWN_UNIVERSAL_MIDDLEWARE_CORE_ID,
  PHOTON_ENTRY_MIDDLEWARES_FILTER,
  PHOTON_SERVER_WITH_ENTRY_FILTER,
  parsePhotonEntryMiddlewaresId,
  parsePhotonServerWithEntryId,
  parseUnitModuleId,
  unitServerEntryId,
  VIKE_GLOBAL_ENTRY,
  VIKE_SERVER_ENTRY,
} from './entry-ids.js'
import {
  filterAssetsManifest,
  filterGlobalEntry,
  pageIdOfPlaceholder,
  UNIT_ASSETS_MANIFEST_PLACEHOLDER,
  unitFileName,
  unitServerEntryCode,
  withUnitFallback,
} from './per-page-units.js'
import { runtimeFiles } from './runtime-files.js'

/** Where a Node build writes the units, inside the server build's folder (`dist/server/units/`). */
export const UNITS_DIR = 'units'
/** The list of units a Node build wrote, for a router that sends each route to its unit. */
export const UNITS_MANIFEST = `${UNITS_DIR}/manifest.json`

/** One entry of `dist/server/units/manifest.json`. */
export interface UnitManifestEntry {
  pageId: string
  /** The page's route as a rou3 pattern (`/movies/:id`); a router also sends `<route>/index.pageContext.json` here. */
  route: string
  /** The unit's handler module, relative to the manifest: `export default { fetch }`. */
  file: string
}

/**
 * Per-page bundles (see docs/per-page-bundles.md). A unit is a page bundled on its own (plan-entries.ts decides which:
 * `photonUnit` pages, and on Vercel every page with a function of its own). In a build, the root module of a unit's
 * bundle (Photon's server-with-one-entry module: the server, the middleware chain and that page's handler) imports the
 * unit's copy of Vike's production entry, which registers only that page and the error page with Vike; a fallback
 * handler after the page's renders the error page for every other URL. Where the target's `capabilities.units.bundle`
 * is `'server-build'` (Node, Netlify) the build also writes each unit as `dist/server/units/<page>.mjs`; on Vercel
 * Photon's adapter makes each unit a function (targets/vercel/index.ts).
 */
export const perPagePlugin = createPlugin('per-page', (ctx) => ({
  resolveId: {
    filter: { id: /^virtual:vike-photon:unit-/ },
    handler(id) {
      return `\0${id}`
    },
  },
  load: {
    filter: { id: /^\0virtual:vike-photon:unit-/ },
    async handler(id) {
      const unit = parseUnitModuleId(id)
      if (!unit) return undefined
      if (unit.kind === 'fallback') {
        return [
          // Photon's `enhance()` from vike-photon's own copy (see virtual-modules-plugin.ts).
          `import { enhance } from ${JSON.stringify(OWN_UNIVERSAL_MIDDLEWARE_CORE_ID)}`,
          `import { createPageHandler } from ${JSON.stringify(runtimeFiles.pageHandler)}`,
          `export default createPageHandler('vike-photon:unit-fallback', { path: '/**' })`,
        ].join('\n')
      }
      const source = unit.kind === 'server-entry' ? VIKE_SERVER_ENTRY : VIKE_GLOBAL_ENTRY
      const resolved = await this.resolve(source)
      if (!resolved) throw new VikePhotonError(`Cannot resolve ${source} for the unit of ${unit.pageId}.`)
      const { code } = await this.load({ id: resolved.id })
      if (!code) throw new VikePhotonError(`${source} has no code (bug in vike-photon).`)
      return unit.kind === 'server-entry'
        ? unitServerEntryCode(code, unit.pageId)
        : filterGlobalEntry(code, new Set([unit.pageId]))
    },
  },
  transform: {
    filter: { id: [PHOTON_SERVER_WITH_ENTRY_FILTER, PHOTON_ENTRY_MIDDLEWARES_FILTER] },
    handler(code, id) {
      const root = unitOfModule(ctx, this.environment, parsePhotonServerWithEntryId(id))
      // First, so that Vike knows its pages before the server or a middleware calls it.
      if (root) return { code: `import ${JSON.stringify(unitServerEntryId(root.pageId))}\n${code}`, map: null }
      if (unitOfModule(ctx, this.environment, parsePhotonEntryMiddlewaresId(id))) {
        return { code: withUnitFallback(code), map: null }
      }
      return undefined
    },
  },
  buildStart() {
    if (!isUnitsServerBuild(this.environment, ctx)) return
    for (const unit of ctx.units) {
      this.emitFile({
        type: 'chunk',
        fileName: `${UNITS_DIR}/${unitFileName(unit.pageId)}.mjs`,
        id: getPhotonServerIdWithEntry('node', unit.name),
      })
    }
  },
  generateBundle() {
    // The manifest is for Node's launcher, which routes to the units; Netlify routes by each function's paths.
    if (!isUnitsServerBuild(this.environment, ctx) || !ctx.target.capabilities.nodeServer) return
    const manifest: UnitManifestEntry[] = ctx.units.map((unit) => ({
      pageId: unit.pageId,
      route: unit.route as string,
      file: `./${unitFileName(unit.pageId)}.mjs`,
    }))
    this.emitFile({ type: 'asset', fileName: UNITS_MANIFEST, source: `${JSON.stringify(manifest, null, 2)}\n` })
  },
  writeBundle: {
    // After Vike's own writeBundle, which writes the assets manifest (dist/assets.json) in the ssr build.
    order: 'post',
    async handler(options, bundle) {
      const chunks = Object.values(bundle).filter(
        (chunk) => chunk.type === 'chunk' && new RegExp(UNIT_ASSETS_MANIFEST_PLACEHOLDER.source).test(chunk.code),
      )
      if (chunks.length === 0) return
      const config = this.environment.getTopLevelConfig()
      const ssrOutDir = config.environments.ssr?.build.outDir ?? 'dist/server'
      const assetsJson = await readFile(join(dirname(resolve(config.root, ssrOutDir)), 'assets.json'), 'utf8')
      const manifest = JSON.parse(assetsJson) as Parameters<typeof filterAssetsManifest>[0]
      const outDir = options.dir ?? resolve(config.root, this.environment.config.build.outDir)
      for (const chunk of chunks) {
        const file = join(outDir, chunk.fileName)
        const code = (await readFile(file, 'utf8')).replace(UNIT_ASSETS_MANIFEST_PLACEHOLDER, (_match, hex: string) =>
          JSON.stringify(filterAssetsManifest(manifest, pageIdOfPlaceholder(hex)), null, 2),
        )
        await writeFile(file, code)
      }
    },
  },
}))

/** The unit whose own bundle a Photon module belongs to (a build only: in dev one server serves every page). */
function unitOfModule(
  ctx: PluginContext,
  environment: { config: { command: string } },
  parsed: { entryName: string } | null,
): PageEntry | undefined {
  if (!parsed || environment.config.command !== 'build') return undefined
  return ctx.units.find((unit) => unit.name === parsed.entryName)
}

/**
 * The server build of a target whose units vike-photon's server build writes (`units.bundle: 'server-build'`: Node,
 * Netlify): where `dist/server/units/*.mjs` are written.
 */
function isUnitsServerBuild(environment: { name: string; config: { command: string } }, ctx: PluginContext): boolean {
  const { units } = ctx.target.capabilities
  return (
    environment.config.command === 'build' &&
    environment.name === 'ssr' &&
    ctx.units.length > 0 &&
    units !== false &&
    units.bundle === 'server-build'
  )
}
