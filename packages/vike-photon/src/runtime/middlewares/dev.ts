import { urlGuard } from '../url-guard.js'

// In development Vite serves static files and compression is left out (it only slows the dev loop down).
export default [urlGuard]
