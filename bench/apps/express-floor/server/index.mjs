// Express's own floor: what Express itself costs. The floor's server (renderPage, sirv for the client build), with
// Express 5 routing the request and sending the page. Run after `vike build`.
import { fileURLToPath } from 'node:url'
import express from 'express'
import sirv from 'sirv'
import { renderPage } from 'vike/server'

const clientDir = fileURLToPath(new URL('../dist/client', import.meta.url))
const port = Number(process.env.PORT) || 3000
const hostname = process.env.HOST || 'localhost'

const app = express()
app.use(
  sirv(clientDir, {
    etag: true,
    setHeaders(res, pathname) {
      res.setHeader(
        'Cache-Control',
        pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'public, max-age=0, must-revalidate',
      )
    },
  }),
)
app.get('/{*path}', async (req, res, next) => {
  try {
    const { httpResponse } = await renderPage({ urlOriginal: req.originalUrl, headersOriginal: req.headers })
    res.status(httpResponse.statusCode)
    for (const [name, value] of httpResponse.headers) res.setHeader(name, value)
    // As the floor: a page rendered to a string in one write, a streamed page piped.
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
    next(err)
  }
})

app.listen(port, hostname, () => {
  console.log(`express floor listening on http://${hostname}:${port}`)
})
