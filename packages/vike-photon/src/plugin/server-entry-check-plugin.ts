import { relative } from 'node:path'
import MagicString from 'magic-string'
import { parseAst } from 'vite'
import { VikePhotonError } from '../errors.js'
import type { PluginContext } from './context.js'
import { createPlugin } from './create-plugin.js'
import { runtimeFiles } from './runtime-files.js'

const CHECK_MODULE = JSON.stringify(runtimeFiles.devServerEntryCheck)

/**
 * In development, checks the default export of the user's server entry each time it is (re)loaded (on Node and in
 * workerd alike), so that a missing export, a bare app or a Promise is explained once and every request answers
 * that explanation (runtime/dev-server-entry-check.ts), instead of a crash deeper inside Photon and a closed port.
 * (In production the build or the Node launcher refuses it.)
 */
export const serverEntryCheckPlugin = createPlugin('server-entry-check', (ctx) => ({
  apply: 'serve',
  applyToEnvironment: (environment) => hasServerEntry(ctx, environment),
  transform: {
    filter: { id: /\.[cm]?[jt]sx?$/ },
    handler(code, id) {
      const server = ctx.settings.server
      if (!server || id.split('?')[0] !== server) return undefined
      const ast = parseAst(code, { lang: 'tsx' } as never) as unknown as {
        body: { type: string; start: number; end: number; declaration?: { start: number; end: number } }[]
      }
      const exportDefault = ast.body.find((node) => node.type === 'ExportDefaultDeclaration')
      const file = JSON.stringify(relative(ctx.root, server))
      const s = new MagicString(code)
      if (exportDefault?.declaration) {
        const { start, end } = exportDefault.declaration
        s.overwrite(exportDefault.start, start, 'const __vikePhotonDefault = (')
        s.appendLeft(end, ')')
        s.append(
          `\nimport { checkServerEntryInDev as __vikePhotonCheck } from ${CHECK_MODULE}\n` +
            `export default __vikePhotonCheck(__vikePhotonDefault, ${file})\n`,
        )
      } else if (!/export\s*\{[^}]*\bas\s+default\b/.test(code)) {
        // No default export at all: the stand-in becomes the module's default export.
        s.append(
          `\nimport { checkServerEntryInDev as __vikePhotonCheck } from ${CHECK_MODULE}\n` +
            `export default __vikePhotonCheck(undefined, ${file})\n`,
        )
      } else {
        return undefined
      }
      return { code: s.toString(), map: s.generateMap({ hires: 'boundary' }) }
    },
  },
}))

/** Whether a module's code has a default export (`export default …` or `export { x as default }`). */
function hasDefaultExport(code: string): boolean {
  const ast = parseAst(code, { lang: 'tsx' } as never) as unknown as { body: { type: string }[] }
  return (
    ast.body.some((node) => node.type === 'ExportDefaultDeclaration') || /export\s*\{[^}]*\bas\s+default\b/.test(code)
  )
}

/**
 * At build, a server entry without a default export fails with vike-photon's message (the one the dev check and
 * the Node launcher give), instead of the bundler's MISSING_EXPORT pointing into vike-photon's own dist.
 */
export const serverEntryExportPlugin = createPlugin('server-entry-export', (ctx) => ({
  apply: 'build',
  applyToEnvironment: (environment) => hasServerEntry(ctx, environment),
  transform: {
    filter: { id: /\.[cm]?[jt]sx?$/ },
    handler(code, id) {
      const server = ctx.settings.server
      if (!server || id.split('?')[0] !== server || hasDefaultExport(code)) return undefined
      throw new VikePhotonError(
        `The server entry ${relative(ctx.root, server)} has no default export. Add: export default serve(app) — with \`serve\` from your server's adapter (e.g. '@photonjs/hono').`,
      )
    },
  },
}))

/**
 * Where the server entry can be: a server environment, in an app that has one. Elsewhere the transform hooks above
 * are left out: Rolldown would hand them every module of the client build (the code of each, for nothing).
 */
function hasServerEntry(ctx: PluginContext, environment: { config: { consumer: string } }): boolean {
  return environment.config.consumer === 'server' && ctx.settings.server !== null
}
