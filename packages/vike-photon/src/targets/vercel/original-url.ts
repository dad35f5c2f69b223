import { createPlugin } from '../../plugin/create-plugin.js'
import { runtimeFiles } from '../../plugin/runtime-files.js'

// Photon's Vercel adapter loses the query string of requests rewritten to a page's own function (ISR, edge, unit):
// see targets/vercel/runtime/function.ts. This plugin wraps the default export of every function module the adapter
// generates, so the request reaches Photon with the URL the browser asked for.

/** The modules Photon's Vercel adapter generates, one per function (`virtual:photon:vercel:<entry>`). */
const FUNCTION_MODULE = /^\0?virtual:photon:vercel:/
/** What marks a function module: it adapts the entry with @universal-middleware/vercel. */
const ADAPTER_IMPORT = '@universal-middleware/vercel/'

export const vercelOriginalUrlPlugin = createPlugin('vercel:original-url', () => ({
  apply: 'build',
  applyToEnvironment: (environment) => environment.name === 'vercel_node' || environment.name === 'vercel_edge',
  transform: {
    filter: { id: FUNCTION_MODULE },
    handler(code) {
      const exportAt = code.lastIndexOf('export default ')
      if (!code.includes(ADAPTER_IMPORT) || exportAt === -1) return undefined
      const wrap = this.environment.name === 'vercel_edge' ? 'withOriginalUrlEdge' : 'withOriginalUrlNode'
      return {
        code: [
          `import { ${wrap} } from ${JSON.stringify(runtimeFiles.vercelFunction)}`,
          code.slice(0, exportAt),
          `const vikePhotonFunction = ${code.slice(exportAt + 'export default '.length)}`,
          `export default ${wrap}(vikePhotonFunction)`,
        ].join('\n'),
        map: null,
      }
    },
  },
}))
