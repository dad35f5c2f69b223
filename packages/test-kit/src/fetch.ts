import { request } from 'node:http'

export interface Fetched {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
  bytes: number
}

/**
 * A GET (or HEAD) with Node's HTTP client, without keep-alive (each request its own connection, as a cold client)
 * and with a timeout; rejects on network errors. The body is as sent (not decompressed).
 */
export function get(
  url: string,
  method: 'GET' | 'HEAD' = 'GET',
  headers: Record<string, string> = {},
  timeoutMs = 10_000,
): Promise<Fetched> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, agent: false, headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () => {
        const buffer = Buffer.concat(chunks)
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: buffer.toString('utf8'),
          bytes: buffer.length,
        })
      })
      res.on('error', reject)
    })
    req.on('error', reject)
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`timeout: ${method} ${url}`)))
    req.end()
  })
}
