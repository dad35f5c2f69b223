import { createServer, get, type IncomingMessage, type RequestListener, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { toNodeHandler } from 'srvx/node'
import { afterEach, describe, expect, it } from 'vitest'
import { type FetchHandler, fetchToNodeHandler } from '../src/runtime/fetch-to-node.js'
import { OneChunkResponse } from '../src/runtime/one-chunk-response.js'

// The Node launcher's bridge for fetch servers (Hono, the built-in server) against srvx 0.12.8's `toNodeHandler`,
// which it replaces: the same handler behind both, on real Node servers, must put the same response on the wire.

const servers: Server[] = []
afterEach(() => {
  for (const server of servers.splice(0)) server.close()
})

async function listen(handler: RequestListener): Promise<number> {
  const server = createServer((req, res) => {
    // As the launcher's `answered()`: a rejected send still answers.
    const result = handler(req, res) as unknown
    if (result instanceof Promise) result.catch(() => res.writeHead(500).end('send failed'))
  })
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return (server.address() as AddressInfo).port
}

interface Wire {
  status: number
  reason: string
  /** Lower-cased names, in the order sent; repeated headers joined as a client reads them (Set-Cookie apart). */
  headers: Record<string, string | string[]>
  body: string
}

function request(port: number, method = 'GET'): Promise<Wire> {
  return new Promise((resolve, reject) => {
    get({ host: '127.0.0.1', port, path: '/page', method, agent: false }, (res: IncomingMessage) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () => {
        const { date: _date, connection: _connection, 'keep-alive': _keepAlive, ...headers } = res.headers
        resolve({
          status: res.statusCode!,
          reason: res.statusMessage!,
          headers: headers as Record<string, string | string[]>,
          body: Buffer.concat(chunks).toString('latin1'),
        })
      })
    }).on('error', reject)
  })
}

/** What the same handler puts on the wire through srvx's `toNodeHandler` and through the bridge. */
async function both(respond: () => Response | undefined | Promise<Response | undefined>, method = 'GET') {
  const handler: FetchHandler = () => respond()
  const srvx = await listen(toNodeHandler(handler as never) as RequestListener)
  const ours = await listen(fetchToNodeHandler(handler) as RequestListener)
  return { srvx: await request(srvx, method), ours: await request(ours, method) }
}

const html = { 'Content-Type': 'text/html;charset=utf-8' }
const page = '<!doctype html><p>ünïcode</p>'

describe("the Node launcher's bridge for fetch servers", () => {
  it('sends a page rendered to a string as srvx did: status, reason, headers, byte length, body', async () => {
    const { srvx, ours } = await both(
      () => new OneChunkResponse(page, { status: 200, statusText: 'OK', headers: html }),
    )
    expect(ours).toEqual(srvx)
    expect(ours.headers['content-length']).toBe(String(Buffer.byteLength(page)))
    expect(ours.headers['transfer-encoding']).toBeUndefined()
  })

  it('sends compressed bytes, cookies and repeated headers as srvx did', async () => {
    const bytes = new Uint8Array([0x1f, 0x8b, 0, 1, 2, 255])
    const respond = () =>
      new OneChunkResponse(bytes, {
        status: 404,
        statusText: 'Not Found',
        headers: [
          ['Content-Type', 'text/html;charset=utf-8'],
          ['Content-Encoding', 'gzip'],
          ['Vary', 'Accept-Encoding'],
          ['Set-Cookie', 'a=1'],
          ['Set-Cookie', 'b=2'],
          ['Link', '</a.css>; rel=preload'],
          ['Link', '</b.js>; rel=modulepreload'],
        ],
      })
    const { srvx, ours } = await both(respond)
    expect(ours).toEqual(srvx)
    expect(ours.headers['set-cookie']).toEqual(['a=1', 'b=2'])
    expect(Buffer.from(ours.body, 'latin1')).toEqual(Buffer.from(bytes))
  })

  it('answers HEAD with the headers of GET and no body, as srvx did', async () => {
    const { srvx, ours } = await both(
      () => new OneChunkResponse(page, { status: 200, statusText: 'OK', headers: html }),
      'HEAD',
    )
    expect(ours).toEqual(srvx)
    expect(ours.body).toBe('')
  })

  it('leaves streams, read bodies, other Responses and no Response to srvx', async () => {
    const streamed = () =>
      new OneChunkResponse(
        new ReadableStream({
          start(controller) {
            controller.enqueue(new TextEncoder().encode('<p>a</p>'))
            controller.enqueue(new TextEncoder().encode('<p>b</p>'))
            controller.close()
          },
        }),
        { status: 200, statusText: 'OK', headers: html },
      )
    const read = async () => {
      const response = new OneChunkResponse(page, { status: 200, statusText: 'OK', headers: html })
      await response.clone().text() // a middleware that looked at the page
      return response
    }
    const cases = [
      streamed,
      read,
      () => new Response('plain', { status: 418, headers: { 'X-A': '1' } }),
      () => new OneChunkResponse(null, { status: 204, statusText: 'No Content' }),
      () => undefined,
    ]
    for (const respond of cases) {
      const { srvx, ours } = await both(respond)
      expect(ours).toEqual(srvx)
    }
    expect((await both(streamed)).ours.body).toBe('<p>a</p><p>b</p>')
    expect((await both(() => undefined)).ours.status).toBe(500)
  })

  it('rejects when the handler throws, so that the launcher answers 500', async () => {
    const port = await listen(fetchToNodeHandler(() => Promise.reject(new Error('the app threw'))) as RequestListener)
    const wire = await request(port)
    expect(wire.status).toBe(500)
    expect(wire.body).toBe('send failed')
  })
})
