import { createPlugin } from '../../plugin/create-plugin.js'

// @photonjs/vercel 0.1.23 adapts a server entry for a Node function with `createNodeHandler()` of
// @universal-middleware/vercel 0.4.32, whose Elysia version only throws: the function fails at its first request
// ("Elysia is not supported on Vercel Node.", the page answers 502 FUNCTION_INVOCATION_FAILED). Elysia is a fetch
// server, and Vercel's Node runtime calls a `{ fetch }` export (Photon exports one for srvx and the built-in server):
// this plugin hands Elysia's app to the function the same way, through its `fetch`.

/** The modules Photon's Vercel adapter generates, one per function (`virtual:photon:vercel:<entry>`). */
const FUNCTION_MODULE = /^\0?virtual:photon:vercel:/
/** How a server entry's function module imports the adapters, one per framework (`servers[name]`). */
const NODE_SERVERS_IMPORT = /^import servers from ["'][^"']*@universal-middleware\/vercel\/node\/servers["'];?$/m

const ELYSIA_AS_FETCH = 'servers.elysia = { createNodeHandler: (app) => ({ fetch: (request) => app.fetch(request) }) };'

export const vercelElysiaNodePlugin = createPlugin('vercel:elysia-node', () => ({
  apply: 'build',
  applyToEnvironment: (environment) => environment.name === 'vercel_node',
  transform: {
    filter: { id: FUNCTION_MODULE },
    handler(code) {
      const match = NODE_SERVERS_IMPORT.exec(code)
      if (!match) return undefined
      const end = match.index + match[0].length
      return { code: `${code.slice(0, end)}\n${ELYSIA_AS_FETCH}${code.slice(end)}`, map: null }
    },
  },
}))
