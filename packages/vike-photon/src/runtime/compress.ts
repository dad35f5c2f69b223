import compressMiddleware from '@universal-middleware/compress'
import { enhance } from '@universal-middleware/core'

const compressResponse = compressMiddleware()

/**
 * Compresses pages and data responses on the fly (gzip or brotli, by `Accept-Encoding`). Static files are
 * precompressed at build time instead. Requests that accept no encoding skip it at no cost.
 */
export const compress = enhance(
  function vikePhotonCompress(request: Request) {
    if (!request.headers.has('accept-encoding')) return
    return compressResponse(request)
  },
  { name: 'vike-photon:compress', immutable: true },
)
