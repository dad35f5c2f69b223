import type { Connect, Plugin } from 'vite'

/** Methods that the Fetch API refuses to put in a `Request` (`new Request(url, { method: 'TRACE' })` throws). */
const UNREPRESENTABLE_METHODS = new Set(['TRACE', 'TRACK'])

/**
 * Workaround for @cloudflare/vite-plugin 1.34.0: under `vike dev` and `vike preview` it turns each Node request
 * into a web `Request` for workerd, which throws for TRACE, and the client got a 500 page with the server's stack
 * trace. These methods are answered 405 before that (on Cloudflare itself, the edge refuses them).
 */
export function tracePlugin(): Plugin {
  const refuse: Connect.NextHandleFunction = (req, res, next) => {
    if (!UNREPRESENTABLE_METHODS.has(req.method ?? '')) return next()
    res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' }).end('Method Not Allowed')
  }
  return {
    name: 'vike-photon:cloudflare-trace',
    // Before @cloudflare/vite-plugin's own middleware: this plugin comes first and adds its middleware right away.
    configureServer: (server) => void server.middlewares.use(refuse),
    configurePreviewServer: (server) => void server.middlewares.use(refuse),
  }
}
