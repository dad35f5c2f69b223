import { readFileSync } from 'node:fs'
import { createPlugin } from './create-plugin.js'

// One react-dom server renderer per Node function (Vercel's vercel_node, Netlify's ssr build). react-streaming 0.4 (vike-react's renderer) imports
// `react-dom/server` (on Node: server.node.js, that is react-dom's legacy.node and node builds), and for web streams
// also `await import('react-dom/server.edge')` (the edge and legacy.browser builds). Both stay reachable in a bundle,
// so each Node function of examples/vercel-react held four server builds of react-dom (measured with react-dom
// 19.3.1: 1.59 MB for the server function). Since React 19.1, `react-dom/server.node` exports `renderToReadableStream`
// as well: in a Node function's build, `react-dom/server.edge` resolves to it, and the function holds react-dom's Node
// renderer only. Edge functions keep server.edge.js (their one renderer). With an older react-dom, whose server.node
// has no `renderToReadableStream`, nothing changes.

const NODE_RENDERER = 'react-dom/server.node'

/** For the build environment that bundles Node functions with their dependencies (`resolve.noExternal: true`). */
export const reactDomServerPlugin = (environmentName: string) =>
  createPlugin(`react-dom-server:${environmentName}`, () => ({
    apply: 'build',
    // Before Vite's own resolver, which would resolve the id first.
    enforce: 'pre',
    applyToEnvironment: (environment) => environment.name === environmentName,
    resolveId: {
      filter: { id: /^react-dom\/server\.edge$/ },
      async handler(_id, importer, options) {
        const node = await this.resolve(NODE_RENDERER, importer, { ...options, skipSelf: true })
        if (!node || node.external || !exportsReadableStream(node.id)) return undefined
        return node
      },
    },
  }))

/** Whether react-dom's Node entry (server.node.js, CommonJS) renders web streams too. */
function exportsReadableStream(file: string): boolean {
  try {
    return /\bexports\.renderToReadableStream\s*=/.test(readFileSync(file.split('?')[0] as string, 'utf8'))
  } catch {
    return false
  }
}
