import { createReadStream } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { isNotModified, pickVariant, type StaticFile } from './static-files.js'

/** Sends a static file straight to Node's response: no web Request or Response objects on this hot path. */
export function sendStaticFile(req: IncomingMessage, res: ServerResponse, file: StaticFile): void {
  if (isNotModified(file, req.headers['if-none-match'])) {
    res.writeHead(304, { ETag: file.etag, 'Cache-Control': file.headers['Cache-Control']! })
    res.end()
    return
  }
  const picked = pickVariant(file, req.headers['accept-encoding'])
  const source = picked ? picked.variant : file
  const headers: Record<string, string | number> = { ...file.headers, 'Content-Length': source.size }
  if (picked) headers['Content-Encoding'] = picked.encoding
  res.writeHead(200, headers)
  if (req.method === 'HEAD') {
    res.end()
  } else if (source.body) {
    res.end(source.body)
  } else {
    createReadStream(source.file)
      .on('error', () => res.destroy())
      .pipe(res)
  }
}
