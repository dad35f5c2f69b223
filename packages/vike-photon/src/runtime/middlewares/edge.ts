import { urlGuard } from '../url-guard.js'

// On edge runtimes (Cloudflare Workers), the platform serves static files and compresses responses.
export default [urlGuard]
