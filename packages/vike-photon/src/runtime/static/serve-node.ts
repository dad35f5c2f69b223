import { createReadStream, type ReadStream } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { isNotModified, pickVariant, type StaticFile } from './static-files.js'

/** Sends a static file straight to Node's response: no web Request or Response objects on this hot path. */
export function sendStaticFile(req: IncomingMessage, res: ServerResponse, file: StaticFile): void {
  if (isNotModified(file, req.headers['if-none-match'], req.headers['if-modified-since'])) {
    res.writeHead(304, { ETag: file.etag, 'Cache-Control': file.headers['Cache-Control']! })
    res.end()
    return
  }
  const picked = pickVariant(file, req.headers['accept-encoding'])
  const source = picked ? picked.variant : file
  const headers: Record<string, string | number> = { ...file.headers, 'Content-Length': source.size }
  if (picked) headers['Content-Encoding'] = picked.encoding
  if (req.method === 'HEAD') {
    res.writeHead(200, headers).end()
  } else if (source.body) {
    res.writeHead(200, headers).end(source.body)
  } else {
    // The status is sent once the file is open: a file deleted since start-up gets a 404, not a closed socket.
    createReadStream(source.file)
      .on('open', function (this: ReadStream) {
        res.writeHead(200, headers)
        this.pipe(res)
      })
      .on('error', () => {
        if (res.headersSent) res.destroy()
        else res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not Found')
      })
  }
}
