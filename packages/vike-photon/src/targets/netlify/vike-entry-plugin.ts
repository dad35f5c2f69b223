import { createPlugin } from '../../plugin/create-plugin.js'
import { VIKE_SERVER_ENTRY } from '../../plugin/vike-entry-lookup-plugin.js'
import { HANDLER_MODULE_PREFIX } from '../../plugin/virtual-modules-plugin.js'

const HANDLER_MODULE = new RegExp(`^${HANDLER_MODULE_PREFIX.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`)

/**
 * Netlify bundles each function from what it imports: Vike's production entry (dist/server/entry.mjs), which Vike
 * would otherwise look up on disk at run time, must be imported. Every page handler of the server bundle imports it;
 * the units import their own, smaller copy (plugin/per-page-plugin.ts).
 */
export const netlifyVikeEntryPlugin = createPlugin('netlify:vike-entry', (ctx) => ({
  apply: 'build',
  applyToEnvironment: (environment) => environment.name === 'ssr',
  transform: {
    filter: { id: HANDLER_MODULE },
    handler(code, id) {
      const entryName = id.slice(HANDLER_MODULE_PREFIX.length)
      if (ctx.units.some((unit) => unit.name === entryName)) return undefined
      return { code: `import ${JSON.stringify(VIKE_SERVER_ENTRY)}\n${code}`, map: null }
    },
  },
}))
