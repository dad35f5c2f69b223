import { fileURLToPath } from 'node:url'

// Absolute paths of the runtime modules that end up in the user's server bundle. They are built next to this
// file (dist/runtime/*), so they resolve the same way whether vike-photon is installed or linked.
const runtimeFile = (name: string) => fileURLToPath(new URL(`./runtime/${name}.js`, import.meta.url))

export const runtimeFiles = {
  serveNode: runtimeFile('serve-node'),
  serveDev: runtimeFile('serve-dev'),
  pageHandler: runtimeFile('page-handler'),
  devServerEntryCheck: runtimeFile('dev-server-entry-check'),
  vercelFunction: runtimeFile('vercel-function'),
  middlewareErrorHook: runtimeFile('middleware-error-hook.ssr'),
  universalMiddlewareCore: runtimeFile('universal-middleware-core'),
  photonApply: runtimeFile('photon-apply'),
  photonErrors: runtimeFile('photon-errors'),
  middlewares: {
    node: runtimeFile('middlewares/node'),
    dev: runtimeFile('middlewares/dev'),
    edge: runtimeFile('middlewares/edge'),
  },
}
