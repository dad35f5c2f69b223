import { createPlugin } from '../../plugin/create-plugin.js'
import { parseHandlerModuleId, VIKE_SERVER_ENTRY } from '../../plugin/entry-ids.js'

/**
 * Netlify bundles each function from what it imports: Vike's production entry (dist/server/entry.mjs), which Vike
 * would otherwise look up on disk at run time, must be imported. Every page handler of the server bundle imports it;
 * the units import their own, smaller copy (plugin/per-page-plugin.ts).
 */
export const netlifyVikeEntryPlugin = createPlugin('netlify:vike-entry', (ctx) => ({
  apply: 'build',
  applyToEnvironment: (environment) => environment.name === 'ssr',
  transform: {
    filter: { id: /^\0virtual:vike-photon:handler:/ },
    handler(code, id) {
      const entryName = parseHandlerModuleId(id)
      if (entryName === null || ctx.units.some((unit) => unit.name === entryName)) return undefined
      return { code: `import ${JSON.stringify(VIKE_SERVER_ENTRY)}\n${code}`, map: null }
    },
  },
}))
