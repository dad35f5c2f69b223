// Run a Vercel build (`.vercel/output`, Build Output API v3) on this machine. `vike preview` uses it with the Vercel
// target (plugin.ts); tests and scripts can start it themselves.
export { readVercelOutput, type VercelOutput, VercelOutputError } from './output.js'
export { groupRoutes, type RouteResult, routeRequest, type VercelRoute } from './router.js'
export {
  createVercelOutputHandler,
  startVercelOutputServer,
  type VercelOutputHandler,
  type VercelOutputHandlerOptions,
  type VercelOutputServer,
  type VercelOutputServerOptions,
} from './server.js'
