// The floor: what a careful hand-written production server costs. Vike's renderPage() on bare node:http, with sirv
// serving the client build (hashed /assets immutable, everything else revalidated). Run after `vike build`.
import { createServer } from 'node:http'
import { fileURLToPath } from 'node:url'
import sirv from 'sirv'
import { renderPage } from 'vike/server'

const clientDir = fileURLToPath(new URL('../dist/client', import.meta.url))
const port = Number(process.env.PORT) || 3000
const hostname = process.env.HOST || 'localhost'

const serveStatic = sirv(clientDir, {
  etag: true,
  setHeaders(res, pathname) {
    res.setHeader(
      'Cache-Control',
      pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'public, max-age=0, must-revalidate',
    )
  },
})

async function render(req, res) {
  try {
    const { httpResponse } = await renderPage({ urlOriginal: req.url ?? '/', headersOriginal: req.headers })
    res.statusCode = httpResponse.statusCode
    for (const [name, value] of httpResponse.headers) res.setHeader(name, value)
    // A page rendered to a string (vike-react's default) is sent in one write, with Content-Length; a streamed
    // page (`stream: true`) has no string body and is piped.
    let body
    try {
      body = httpResponse.body
    } catch {
      httpResponse.pipe(res)
      return
    }
    res.setHeader('Content-Length', Buffer.byteLength(body))
    res.end(body)
  } catch (err) {
    console.error(err)
    if (!res.headersSent) res.statusCode = 500
    res.end()
  }
}

createServer((req, res) => serveStatic(req, res, () => render(req, res))).listen(port, hostname, () => {
  console.log(`floor listening on http://${hostname}:${port}`)
})
