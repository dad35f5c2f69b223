import settings from 'virtual:vike-photon:runtime-settings'
import { compressInChain, compressRoutes } from '../compress.js'

// The default chain on Node in production. Static files are not in it: vike-photon's Node launcher
// (serve-node.ts) answers them before the request reaches the server framework, with no web objects built.
// `compressRoutes` acts on Hono only, after `compressInChain` (see compress.ts).
export default settings.compress ? [compressInChain, compressRoutes] : []
