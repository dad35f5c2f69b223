import { createServer, type Server } from 'node:http'
import { createServer as createTcpServer } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { listen } from './ports.js'
import { rawRequest } from './raw-http.js'

describe('rawRequest', () => {
  let server: Server
  let port: number
  const seen: string[] = []
  beforeAll(async () => {
    server = createServer((req, res) => {
      seen.push(`${req.method} ${req.url} ${req.headers['x-test'] ?? ''}`)
      if (req.url === '/chunked') {
        res.write('first ')
        setTimeout(() => res.end('second'), 10)
        return
      }
      let body = ''
      req.on('data', (chunk) => {
        body += chunk
      })
      req.on('end', () => {
        res.setHeader('content-type', 'text/plain')
        res.end(`got ${body}`)
      })
    })
    port = await listen(server)
  })
  afterAll(() => new Promise<void>((done) => server.close(() => done())))

  it('sends the path as written and decodes a chunked body', async () => {
    const res = await rawRequest(port, '/chunked', { headers: { 'X-Test': 'yes' } })
    expect(res.status).toBe(200)
    expect(res.headers['transfer-encoding']).toBe('chunked')
    expect(res.text).toBe('first second')
    await rawRequest(port, '/a/../%2e%2e/x')
    expect(seen).toContain('GET /a/../%2e%2e/x ')
  })

  it('sends a body with its Content-Length, and reads none for HEAD', async () => {
    expect((await rawRequest(port, '/echo', { method: 'POST', body: 'a=1' })).text).toBe('got a=1')
    const head = await rawRequest(port, '/echo', { method: 'HEAD' })
    expect(head.status).toBe(200)
    expect(head.body.length).toBe(0)
  })

  it('rejects when the connection closes before a complete response', async () => {
    const tcp = createTcpServer((socket) => socket.end('HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort'))
    const tcpPort = await new Promise<number>((done) =>
      tcp.listen(0, '127.0.0.1', () => done((tcp.address() as { port: number }).port)),
    )
    await expect(rawRequest(tcpPort, '/')).rejects.toThrow(/socket hang up \(5 of 10 body bytes received\)/)
    tcp.close()
  })
})
