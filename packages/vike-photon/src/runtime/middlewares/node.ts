import settings from 'virtual:vike-photon:runtime-settings'
import { compress } from '../compress.js'

// The default chain on Node in production. Static files are not in it: vike-photon's Node launcher
// (serve-node.ts) answers them before the request reaches the server framework, with no web objects built.
export default settings.compress ? [compress] : []
