import { get } from 'node:http'
import type { AddressInfo } from 'node:net'
import { gunzipSync } from 'node:zlib'
import { enhance, type UniversalHandler } from '@universal-middleware/core'
import express from 'express'
import { afterEach, describe, expect, it } from 'vitest'
import { compress } from '../src/runtime/compress.js'
import { OneChunkResponse } from '../src/runtime/one-chunk-response.js'
import { createResponse, pageCompressorOf } from '../src/runtime/response.js'
import { apply } from '../src/runtime/universal-middleware-express.js'

// vike-photon's `apply(app)` for Express (what @photonjs/express calls in a Node build): a page rendered to a string
// goes to Node in one write, with what @universal-middleware/express would have sent through a web stream.

const servers: { close(): void }[] = []
afterEach(() => {
  for (const server of servers.splice(0)) server.close()
})

/** A real Express 5 app with `apply(app)` and one catch-all handler answering `respond()`. */
async function appAnswering(respond: (request: Request) => Response, before?: express.RequestHandler) {
  const app = express()
  if (before) app.use(before)
  const handler = enhance(async (request: Request) => respond(request), {
    name: 'test:page',
    path: '/**',
    method: ['GET', 'HEAD'],
  }) as UniversalHandler
  apply(app as never, [handler])
  await new Promise((resolve) => setTimeout(resolve, 0)) // the catch-all is added on the next tick
  const server = app.listen(0, '127.0.0.1')
  servers.push(server)
  await new Promise((resolve) => server.once('listening', resolve))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

const html = { 'Content-Type': 'text/html;charset=utf-8' }

describe("vike-photon's Express catch-all", () => {
  it('sends a page rendered to a string with its status, reason, headers and byte length', async () => {
    const origin = await appAnswering(
      () => new OneChunkResponse('<p>ünïcode</p>', { status: 201, statusText: 'Created', headers: html }),
    )
    const response = await fetch(`${origin}/`)
    expect(response.status).toBe(201)
    expect(response.statusText).toBe('Created')
    expect(response.headers.get('content-type')).toBe('text/html;charset=utf-8')
    expect(response.headers.get('content-length')).toBe(String(Buffer.byteLength('<p>ünïcode</p>')))
    expect(response.headers.get('transfer-encoding')).toBeNull()
    expect(response.headers.get('x-powered-by')).toBe('Express')
    expect(await response.text()).toBe('<p>ünïcode</p>')
  })

  it("keeps the cookies and headers earlier Express middlewares set, the page's own winning as before", async () => {
    const origin = await appAnswering(
      () =>
        new OneChunkResponse('<p>page</p>', {
          status: 200,
          headers: [
            ['Content-Type', 'text/html;charset=utf-8'],
            ['Set-Cookie', 'page=1'],
            ['Cache-Control', 'no-store'],
            ['Link', '</a.css>; rel=preload'],
            ['Link', '</b.js>; rel=modulepreload'],
          ],
        }),
      (_req, res, next) => {
        res.cookie('session', 'abc')
        res.setHeader('Cache-Control', 'public, max-age=60')
        res.setHeader('X-Request-Id', '42')
        next()
      },
    )
    const response = await fetch(`${origin}/`)
    expect(response.headers.getSetCookie()).toEqual(['session=abc; Path=/', 'page=1'])
    expect(response.headers.get('cache-control')).toBe('no-store')
    expect(response.headers.get('x-request-id')).toBe('42')
    expect(response.headers.get('link')).toBe('</a.css>; rel=preload, </b.js>; rel=modulepreload')
    expect(await response.text()).toBe('<p>page</p>')
  })

  it('sends compressed bytes as they are, with their length', async () => {
    const bytes = new Uint8Array([0x1b, 0x0a, 0x00, 0xf8])
    const origin = await appAnswering(
      () => new OneChunkResponse(bytes, { status: 200, headers: { ...html, 'Content-Encoding': 'br' } }),
    )
    const response = await fetch(`${origin}/`, { headers: { 'Accept-Encoding': 'identity' } })
    expect(response.headers.get('content-length')).toBe('4')
    expect(response.headers.get('content-encoding')).toBe('br')
  })

  it('streams a streamed page, an empty body and a page whose body was already read as a stream', async () => {
    const chunks = ['<p>a</p>', '<p>b</p>']
    const responses: Record<string, () => Response> = {
      '/streamed': () =>
        new OneChunkResponse(
          new ReadableStream({
            start(controller) {
              for (const chunk of chunks) controller.enqueue(new TextEncoder().encode(chunk))
              controller.close()
            },
          }),
          { status: 200, headers: html },
        ),
      '/empty': () => new OneChunkResponse(null, { status: 302, headers: { Location: '/there' } }),
      '/read': () => {
        const response = new OneChunkResponse('<p>read</p>', { status: 200, headers: html })
        void response.body // a response middleware looked at it
        return response
      },
      '/native': () => new Response('<p>native</p>', { status: 200, headers: html }),
    }
    const origin = await appAnswering((request) => responses[new URL(request.url).pathname]!())
    expect(await (await fetch(`${origin}/streamed`)).text()).toBe('<p>a</p><p>b</p>')
    const empty = await fetch(`${origin}/empty`, { redirect: 'manual' })
    expect([empty.status, empty.headers.get('location'), empty.headers.get('content-length')]).toEqual([
      302,
      '/there',
      '0',
    ])
    expect(await (await fetch(`${origin}/read`)).text()).toBe('<p>read</p>')
    expect(await (await fetch(`${origin}/native`)).text()).toBe('<p>native</p>')
  })

  it('answers HEAD with the headers GET sends and no body', async () => {
    const origin = await appAnswering(() => new OneChunkResponse('<p>page</p>', { status: 200, headers: html }))
    const response = await fetch(`${origin}/`, { method: 'HEAD' })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-length')).toBe('11')
    expect(await response.text()).toBe('')
  })

  it('passes to the next Express handler when no page answers, and to Express errors when one throws', async () => {
    const app = express()
    apply(app as never, [
      enhance(
        async (request: Request) => {
          if (new URL(request.url).pathname === '/throws') throw new Error('page failed')
          return undefined
        },
        { name: 'test:none', path: '/**', method: ['GET'] },
      ) as unknown as UniversalHandler,
    ])
    await new Promise((resolve) => setTimeout(resolve, 0))
    app.use((_req, res) => void res.status(404).send('nothing here'))
    app.use(
      ((error, _req, res, _next) =>
        void res.status(500).send(`caught: ${error.message}`)) as express.ErrorRequestHandler,
    )
    const server = app.listen(0, '127.0.0.1')
    servers.push(server)
    await new Promise((resolve) => server.once('listening', resolve))
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    const none = await fetch(`${origin}/nothing`)
    expect([none.status, await none.text()]).toEqual([404, 'nothing here'])
    const throws = await fetch(`${origin}/throws`)
    expect([throws.status, await throws.text()]).toEqual([500, 'caught: page failed'])
  })

  it('runs the compress middleware inside the catch-all: pages compressed, no Express layer of its own', async () => {
    const page = `<!DOCTYPE html><p>${'ünïcode '.repeat(400)}</p>`
    const app = express()
    const layers = () => (app as unknown as { router: { stack: unknown[] } }).router.stack.length
    const before = layers()
    const user = enhance((_request: Request, context: Universal.Context) => ({ ...context, user: 'ann' }), {
      name: 'test:user',
    })
    const handler = enhance(
      async (request: Request, context: Universal.Context) => {
        const init = { status: 200, headers: [['Content-Type', 'text/html;charset=utf-8']] as [string, string][] }
        const body = `${page}<!-- ${(context as { user?: string }).user} -->`
        const compressPage = pageCompressorOf(request, context)
        return compressPage ? compressPage(body, init) : createResponse(body, init)
      },
      { name: 'test:page', path: '/**', method: ['GET'] },
    ) as UniversalHandler
    apply(app as never, [compress as never, user as never, handler])
    await new Promise((resolve) => setTimeout(resolve, 0))
    // One layer for the user's universal middleware, one for the catch-all: none for compress.
    expect(layers() - before).toBe(2)
    const server = app.listen(0, '127.0.0.1')
    servers.push(server)
    await new Promise((resolve) => server.once('listening', resolve))
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    const raw = await new Promise<{ headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
      get(`${origin}/`, { headers: { 'accept-encoding': 'gzip, deflate, br, zstd' } }, (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }))
      }).on('error', reject)
    })
    expect(raw.headers['content-encoding']).toBe('gzip')
    expect(raw.headers.vary).toBe('Accept-Encoding')
    expect(raw.headers['content-length']).toBe(String(raw.body.length))
    expect(gunzipSync(raw.body).toString()).toBe(`${page}<!-- ann -->`)
    const plain = await fetch(`${origin}/`, { headers: { 'Accept-Encoding': 'identity' } })
    expect(plain.headers.get('content-encoding')).toBeNull()
    expect(await plain.text()).toBe(`${page}<!-- ann -->`)
  })

  it("keeps an app's own middleware named vike-photon:compress as an Express layer that handles responses", async () => {
    const app = express()
    const ownCompression = enhance(
      () => (response: Response) => {
        response.headers.set('x-compression', 'mine')
        return response
      },
      { name: 'vike-photon:compress' },
    )
    const handler = enhance(async () => new Response('<p>page</p>', { headers: html }), {
      name: 'test:page',
      path: '/**',
      method: ['GET'],
    }) as UniversalHandler
    apply(app as never, [ownCompression as never, handler])
    await new Promise((resolve) => setTimeout(resolve, 0))
    const server = app.listen(0, '127.0.0.1')
    servers.push(server)
    await new Promise((resolve) => server.once('listening', resolve))
    const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`)
    expect(response.headers.get('x-compression')).toBe('mine')
    expect(await response.text()).toBe('<p>page</p>')
  })
})
