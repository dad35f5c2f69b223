import { connect } from 'node:net'

export interface RawRequestOptions {
  method?: string
  /** Sent after `Host` and `Connection: close`, in this order, as given (a `host` here replaces the default). */
  headers?: Record<string, string>
  body?: string | Buffer
  /** The whole exchange, connect to last byte. @default 30_000 */
  timeoutMs?: number
}

export interface RawResponse {
  status: number
  /** Lower-cased names; a repeated header is joined with `, `. */
  headers: Record<string, string>
  /** As sent: not decompressed (chunked transfer encoding is undone). Empty for HEAD. */
  body: Buffer
  /** `body` decoded as UTF-8. */
  text: string
}

/**
 * One HTTP/1.1 request written byte for byte on a socket, and its response. `fetch` and `http.request` normalize or
 * refuse what the tests must send as a client could (`/../`, `%2e%2e`, malformed escapes, 20 KB headers); this
 * sends it as written. Rejects when the connection fails or closes before a complete response.
 */
export function rawRequest(
  port: number,
  path: string,
  { method = 'GET', headers = {}, body, timeoutMs = 30_000 }: RawRequestOptions = {},
): Promise<RawResponse> {
  const lines = [`${method} ${path} HTTP/1.1`]
  if (!Object.keys(headers).some((name) => name.toLowerCase() === 'host')) lines.push(`Host: 127.0.0.1:${port}`)
  lines.push('Connection: close')
  for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`)
  if (body !== undefined) lines.push(`Content-Length: ${Buffer.byteLength(body)}`)
  const request = Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1'), Buffer.from(body ?? '')])

  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    const socket = connect(port, '127.0.0.1', () => socket.write(request))
    socket.on('data', (chunk: Buffer) => chunks.push(chunk))
    socket.on('error', reject)
    socket.setTimeout(timeoutMs, () =>
      socket.destroy(new Error(`rawRequest: ${method} ${path} timed out after ${timeoutMs} ms`)),
    )
    socket.on('end', () => {
      try {
        resolve(parseResponse(Buffer.concat(chunks), method === 'HEAD'))
      } catch (error) {
        reject(new Error(`rawRequest: ${method} ${path}: ${(error as Error).message}`))
      }
    })
  })
}

/** Parses a complete HTTP/1.1 response (the server closed the connection after it). */
export function parseResponse(data: Buffer, isHead = false): RawResponse {
  const end = data.indexOf('\r\n\r\n')
  if (end === -1)
    throw new Error(`socket hang up (the connection closed after ${data.length} bytes, before the headers ended)`)
  const [statusLine = '', ...headerLines] = data.subarray(0, end).toString('latin1').split('\r\n')
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1])
  if (!status) throw new Error(`not an HTTP response: ${JSON.stringify(statusLine)}`)
  const headers: Record<string, string> = {}
  for (const line of headerLines) {
    const colon = line.indexOf(':')
    const name = line.slice(0, colon).trim().toLowerCase()
    const value = line.slice(colon + 1).trim()
    headers[name] = name in headers ? `${headers[name]}, ${value}` : value
  }
  let body = data.subarray(end + 4)
  const noBody = isHead || status === 204 || status === 304 || (status >= 100 && status < 200)
  if (noBody) body = Buffer.alloc(0)
  else if (/\bchunked\b/i.test(headers['transfer-encoding'] ?? '')) body = unchunk(body)
  else if (headers['content-length'] !== undefined && body.length < Number(headers['content-length'])) {
    throw new Error(`socket hang up (${body.length} of ${headers['content-length']} body bytes received)`)
  }
  return { status, headers, body, text: body.toString('utf8') }
}

/** Undoes chunked transfer encoding; throws when the last (empty) chunk never came. */
function unchunk(data: Buffer): Buffer {
  const parts: Buffer[] = []
  let at = 0
  for (;;) {
    const lineEnd = data.indexOf('\r\n', at)
    if (lineEnd === -1) throw new Error('socket hang up (chunked body cut short)')
    const size = Number.parseInt(data.subarray(at, lineEnd).toString('latin1'), 16)
    if (Number.isNaN(size)) throw new Error('bad chunk size')
    if (size === 0) return Buffer.concat(parts)
    if (lineEnd + 2 + size > data.length) throw new Error('socket hang up (chunked body cut short)')
    parts.push(data.subarray(lineEnd + 2, lineEnd + 2 + size))
    at = lineEnd + 2 + size + 2
  }
}
