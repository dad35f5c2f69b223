import { createReadStream } from 'node:fs'
import { open } from 'node:fs/promises'
import { Readable } from 'node:stream'
import { enhance } from '@universal-middleware/core'
import { pathnameOf } from '../url-guard.js'
import { isNotModified, pickVariant, type StaticFiles } from './static-files.js'

/**
 * Serves a static file index as a universal middleware named `vike-photon:static`: the implementation of
 * `serveStatic()` (vike-photon/static), for apps that place static file handling in their own chain.
 */
export function staticMiddleware(getFiles: () => StaticFiles | null) {
  return enhance(
    async function vikePhotonStatic(request: Request) {
      if (request.method !== 'GET' && request.method !== 'HEAD') return
      const files = getFiles()
      if (!files) return
      const file = files.find(pathnameOf(request.url))
      if (!file) return
      if (isNotModified(file, request.headers.get('if-none-match'), request.headers.get('if-modified-since'))) {
        return new Response(null, {
          status: 304,
          headers: { ETag: file.etag, 'Cache-Control': file.headers['Cache-Control']! },
        })
      }
      const picked = pickVariant(file, request.headers.get('accept-encoding'))
      const source = picked ? picked.variant : file
      const headers = new Headers(file.headers)
      headers.delete('Accept-Ranges') // ranges are answered by the Node launcher only (serve-node.ts)
      headers.set('Content-Length', String(source.size))
      if (picked) headers.set('Content-Encoding', picked.encoding)
      if (request.method === 'HEAD') return new Response(null, { headers })
      if (source.body) return new Response(new Uint8Array(source.body), { headers })
      // Opened before answering: a file deleted since start-up goes to the next handler instead of a broken stream.
      const handle = await open(source.file).catch(() => null)
      if (!handle) return
      const stream = createReadStream('', { fd: handle })
      return new Response(Readable.toWeb(stream) as unknown as ReadableStream, { headers })
    },
    { name: 'vike-photon:static', immutable: true },
  )
}
