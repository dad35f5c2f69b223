import { createReadStream, type ReadStream } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { byteRange, isNotModified, pickVariant, type StaticFile } from './static-files.js'

/** Sends a static file straight to Node's response: no web Request or Response objects on this hot path. */
export function sendStaticFile(req: IncomingMessage, res: ServerResponse, file: StaticFile): void {
  if (isNotModified(file, req.headers['if-none-match'], req.headers['if-modified-since'])) {
    res.writeHead(304, { ETag: file.etag, 'Cache-Control': file.headers['Cache-Control']! })
    res.end()
    return
  }
  const range =
    req.method === 'GET' ? byteRange(file, req.headers.range, req.headers['if-range'] as string | undefined) : null
  if (range === 'unsatisfiable') {
    res.writeHead(416, { 'Content-Range': `bytes */${file.size}`, 'Accept-Ranges': 'bytes' }).end()
    return
  }
  if (range) {
    // A part of the file itself (never of a compressed variant): video, resumable downloads.
    const { start, end } = range
    const partHeaders = {
      ...file.headers,
      'Content-Range': `bytes ${start}-${end}/${file.size}`,
      'Content-Length': end - start + 1,
    }
    if (file.body) {
      res.writeHead(206, partHeaders).end(file.body.subarray(start, end + 1))
      return
    }
    sendFromDisk(res, createReadStream(file.file, { start, end }), 206, partHeaders)
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
    sendFromDisk(res, createReadStream(source.file), 200, headers)
  }
}

/** The status is sent once the file is open: a file deleted since start-up gets a 404, not a closed socket. */
function sendFromDisk(
  res: ServerResponse,
  stream: ReadStream,
  status: number,
  headers: Record<string, string | number>,
): void {
  stream
    .on('open', () => {
      res.writeHead(status, headers)
      stream.pipe(res)
    })
    .on('error', () => {
      if (res.headersSent) res.destroy()
      else res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not Found')
    })
}
