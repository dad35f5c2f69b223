import { brotliCompressSync, brotliDecompressSync, constants, gunzipSync, gzipSync, inflateSync } from 'node:zlib'
import { Hono } from 'hono'
import { afterEach, describe, expect, it } from 'vitest'
import {
  brotliWindowBits,
  COMPRESS_THRESHOLD,
  chooseEncoding,
  compress,
  deflateWindowBits,
  SMALL_BODY,
} from '../src/runtime/compress.js'
import {
  COMPRESS_PAGE,
  createResponse,
  type PageCompressor,
  type PageInit,
  pageCompressorOf,
  setResponseFactory,
} from '../src/runtime/response.js'

const BROWSER = 'gzip, deflate, br, zstd'
const html = `<!DOCTYPE html><html><body>${'<p>Hello, ünïcode page</p>'.repeat(80)}</body></html>`
const pageHeaders = [['Content-Type', 'text/html;charset=utf-8']] as [string, string][]

type Handler = (request: Request, context: Universal.Context, runtime: unknown) => unknown
const middleware = compress as unknown as Handler

/** Runs the middleware around a response, as a fetch-based server (Hono, srvx) does. */
async function serve(
  headers: Record<string, string>,
  response: () => Response,
  { method = 'GET' }: { method?: string } = {},
): Promise<Response> {
  const request = new Request('http://localhost/', { method, headers })
  const result = middleware(request, {}, { adapter: 'srvx' })
  if (typeof result !== 'function') return response()
  // As the adapters do: undefined leaves the response as it was.
  const original = response()
  return (await (result as (r: Response) => Promise<Response | undefined>)(original)) ?? original
}

const page =
  (body = html, headers: [string, string][] = pageHeaders) =>
  () =>
    createResponse(body, { status: 200, headers })

function decode(encoding: string | null, body: Buffer): string {
  if (encoding === 'br') return brotliDecompressSync(body).toString()
  if (encoding === 'gzip') return gunzipSync(body).toString()
  if (encoding === 'deflate') return inflateSync(body).toString()
  return body.toString()
}

describe('compress', () => {
  it('compresses a page for a browser: gzip up to 16 KB, the same HTML, Vary and no stale Content-Length', async () => {
    const res = await serve({ 'accept-encoding': BROWSER }, page())
    expect(res.status).toBe(200)
    expect(res.headers.get('content-encoding')).toBe('gzip')
    expect(res.headers.get('vary')).toBe('Accept-Encoding')
    expect(res.headers.get('content-type')).toBe('text/html;charset=utf-8')
    const body = Buffer.from(await res.arrayBuffer())
    expect(body.length).toBeLessThan(Buffer.byteLength(html))
    expect(decode('gzip', body)).toBe(html)
  })

  it('compresses a page over 16 KB for a browser with brotli, and one of exactly 16 KB with gzip', async () => {
    const page = (length: number) => `<!DOCTYPE html><html><body>${'<p>ünïcode</p>'.repeat(length)}`.slice(0, length)
    for (const [length, encoding] of [
      [SMALL_BODY, 'gzip'],
      [SMALL_BODY + 1, 'br'],
      [200_000, 'br'],
    ] as const) {
      const body = page(length)
      const res = await serve({ 'accept-encoding': BROWSER }, () =>
        createResponse(body, { status: 200, headers: pageHeaders }),
      )
      expect([length, res.headers.get('content-encoding')]).toEqual([length, encoding])
      const sent = Buffer.from(await res.arrayBuffer())
      expect(decode(encoding, sent)).toBe(body)
    }
  })

  it('still answers a small page with brotli when the client prefers it, or takes nothing else', async () => {
    for (const accept of ['br', 'gzip;q=0.5, br', 'br, gzip;q=0']) {
      const res = await serve({ 'accept-encoding': accept }, page())
      expect([accept, res.headers.get('content-encoding')]).toEqual([accept, 'br'])
      expect(decode('br', Buffer.from(await res.arrayBuffer()))).toBe(html)
    }
  })

  it('sizes the deflate window to the page: no larger than with the default window', async () => {
    // Matches 3 KB back: a window too small for the page would miss them.
    const half = Array.from({ length: 150 }, (_, i) => `<li id="item-${i}">Item ${i * 7919}</li>`).join('')
    const body = `<!DOCTYPE html><html><body><ul>${half}${half}</ul></body></html>`
    for (const page of [html, body]) {
      const res = await serve({ 'accept-encoding': 'gzip' }, () =>
        createResponse(page, { status: 200, headers: pageHeaders }),
      )
      const sent = Buffer.from(await res.arrayBuffer())
      expect(decode('gzip', sent)).toBe(page)
      expect(sent.length).toBeLessThanOrEqual(gzipSync(page).length)
    }
    expect([1, 250, 251, 1024, 16_000, 70_000].map(deflateWindowBits)).toEqual([9, 9, 10, 11, 14, 15])
  })

  it('sizes the brotli window to the page: as small as with the default window, give or take a byte', async () => {
    // A page whose second half repeats its first, 27 KB back: a window too small for the page would miss that match.
    const half = Array.from({ length: 800 }, (_, i) => `<li id="item-${i}">Item ${i * 7919}</li>`).join('')
    const body = `<!DOCTYPE html><html><body><ul>${half}${half}</ul></body></html>`
    for (const page of [html, body]) {
      const res = await serve({ 'accept-encoding': 'br' }, () =>
        createResponse(page, { status: 200, headers: pageHeaders }),
      )
      const sent = Buffer.from(await res.arrayBuffer())
      expect(decode('br', sent)).toBe(page)
      const withDefaultWindow = brotliCompressSync(page, { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } })
      expect(sent.length).toBeLessThanOrEqual(withDefaultWindow.length + 2)
    }
    expect([1, 1024, 1025, 70_000, 1e9].map(brotliWindowBits)).toEqual([10, 11, 11, 17, 24])
  })

  it.each([
    ['gzip', 'gzip'],
    ['deflate', 'deflate'],
    ['br;q=0, gzip', 'gzip'],
    ['gzip;q=0.5, deflate;q=0.8', 'deflate'],
    // Any encoding, equally: gzip for a page this small (see SMALL_BODY).
    ['*', 'gzip'],
    ['br;q=0, *;q=0.5', 'gzip'],
  ])('Accept-Encoding: %s → %s, decoding to the same HTML', async (accept, encoding) => {
    const res = await serve({ 'accept-encoding': accept }, page())
    expect(res.headers.get('content-encoding')).toBe(encoding)
    expect(decode(encoding, Buffer.from(await res.arrayBuffer()))).toBe(html)
  })

  it.each([
    ['no header', {}],
    ['identity', { 'accept-encoding': 'identity' }],
    ['encodings we do not produce', { 'accept-encoding': 'zstd, compress' }],
    ['every encoding refused', { 'accept-encoding': 'gzip;q=0, br;q=0, deflate;q=0' }],
    ['identity preferred', { 'accept-encoding': 'identity;q=1, gzip;q=0.5' }],
    ['Cache-Control: no-transform', { 'accept-encoding': BROWSER, 'cache-control': 'no-transform' }],
  ])('sends the page as it is: %s', async (_, headers) => {
    const res = await serve(headers, page())
    expect(res.headers.get('content-encoding')).toBeNull()
    expect(await res.text()).toBe(html)
  })

  it(`sends bodies under ${COMPRESS_THRESHOLD} bytes as they are`, async () => {
    const small = '<!DOCTYPE html><html><body><p>small</p></body></html>'
    const res = await serve({ 'accept-encoding': BROWSER }, page(small))
    expect(res.headers.get('content-encoding')).toBeNull()
    expect(await res.text()).toBe(small)
  })

  it('leaves responses that are not text, or already encoded, alone', async () => {
    const image = await serve({ 'accept-encoding': BROWSER }, page(html, [['Content-Type', 'image/png']]))
    expect(image.headers.get('content-encoding')).toBeNull()
    const encoded = await serve(
      { 'accept-encoding': BROWSER },
      page(html, [...pageHeaders, ['Content-Encoding', 'gzip']]),
    )
    expect(encoded.headers.get('content-encoding')).toBe('gzip')
    expect(await encoded.text()).toBe(html)
  })

  it('does not compress HEAD responses', async () => {
    const res = await serve({ 'accept-encoding': BROWSER }, page(), { method: 'HEAD' })
    expect(res.headers.get('content-encoding')).toBeNull()
  })

  it('streams a streamed page through a compressor, chunk by chunk', async () => {
    const chunks = [html.slice(0, 1000), html.slice(1000)]
    const stream = () =>
      createResponse(
        new ReadableStream({
          start(controller) {
            for (const chunk of chunks) controller.enqueue(new TextEncoder().encode(chunk))
            controller.close()
          },
        }),
        { status: 200, headers: pageHeaders },
      )
    const res = await serve({ 'accept-encoding': BROWSER }, stream)
    const encoding = res.headers.get('content-encoding')
    expect(encoding).toBe('br')
    expect(res.headers.get('content-length')).toBeNull()
    expect(res.headers.get('vary')).toContain('Accept-Encoding')
    expect(decode(encoding, Buffer.from(await res.arrayBuffer()))).toBe(html)
  })

  it('hands an unchanged response back as nothing, so that no adapter copies it', async () => {
    const request = new Request('http://localhost/', { headers: { 'accept-encoding': BROWSER } })
    const onResponse = middleware(request, {}, { adapter: 'srvx' }) as (r: Response) => Promise<Response | undefined>
    expect(await onResponse(page(html, [['Content-Type', 'image/png']])())).toBeUndefined()
    expect(await onResponse(page('<p>small</p>')())).toBeUndefined()
  })

  describe('on Hono', () => {
    afterEach(() => setResponseFactory((body, init) => new Response(body, init)))

    /** A Hono app whose page goes through the middleware as @universal-middleware/hono 0.4.21 runs it. */
    function honoApp(body: string, { appHeader = false } = {}) {
      const app = new Hono()
      app.use(async (c, next) => {
        const onResponse = middleware(c.req.raw, {}, { adapter: 'hono', hono: c })
        if (typeof onResponse !== 'function') return next()
        await next()
        const res = await (onResponse as (r: Response) => Promise<Response | undefined>)(c.res)
        if (res) c.res = res
      })
      // An app's own middleware, registered after vike-photon's: its header must survive compression.
      if (appHeader) {
        app.use(async (c, next) => {
          await next()
          c.header('X-Set-By', 'hono')
        })
      }
      app.get('/', () => page(body)())
      return app
    }

    it('sets the compressed page on the context as it is, not through a copy of its body', async () => {
      const made: Response[] = []
      setResponseFactory((body, init) => {
        const response = new Response(body, init)
        made.push(response)
        return response
      })
      const res = await honoApp(html).fetch(
        new Request('http://localhost/', { headers: { 'accept-encoding': BROWSER } }),
      )
      expect(res.headers.get('content-encoding')).toBe('gzip')
      expect(res.headers.get('vary')).toBe('Accept-Encoding')
      // The compressed response made by compress.ts, not the `new Response(res.body, res)` copy of Hono's setter.
      expect(made).toContain(res)
      expect(decode('gzip', Buffer.from(await res.arrayBuffer()))).toBe(html)
    })

    it("keeps the headers the app's own Hono middlewares set", async () => {
      const res = await honoApp(html, { appHeader: true }).fetch(
        new Request('http://localhost/', { headers: { 'accept-encoding': BROWSER } }),
      )
      // The app's middleware made Hono copy the page into a new Response: its body is now a stream, compressed as one.
      expect(res.headers.get('content-encoding')).toBe('br')
      expect(res.headers.get('x-set-by')).toBe('hono')
      expect(decode('br', Buffer.from(await res.arrayBuffer()))).toBe(html)
    })

    it('leaves small pages and requests without Accept-Encoding alone', async () => {
      const small = await honoApp('<p>small</p>').fetch(
        new Request('http://localhost/', { headers: { 'accept-encoding': BROWSER } }),
      )
      expect(small.headers.get('content-encoding')).toBeNull()
      expect(await small.text()).toBe('<p>small</p>')
      const plain = await honoApp(html).fetch(new Request('http://localhost/'))
      expect(plain.headers.get('content-encoding')).toBeNull()
      expect(await plain.text()).toBe(html)
    })
  })

  it('on Express, hands compression to the page handler through the context', async () => {
    const request = new Request('http://localhost/', { headers: { 'accept-encoding': BROWSER } })
    const context = middleware(request, { user: 'ann' }, { adapter: 'express' }) as Record<string | symbol, unknown>
    expect(typeof context).toBe('object')
    expect(context.user).toBe('ann')
    const compressPage = context[COMPRESS_PAGE] as PageCompressor
    const res = await compressPage(html, { status: 200, headers: pageHeaders })
    expect(res.headers.get('content-encoding')).toBe('gzip')
    expect(decode('gzip', Buffer.from(await res.arrayBuffer()))).toBe(html)
  })
})

describe('compress, pages (the page handler compresses what Vike rendered)', () => {
  afterEach(() => setResponseFactory((body, init) => new Response(body, init)))

  /** Every Response built while answering, in order. */
  let made: Response[] = []
  function countResponses() {
    made = []
    setResponseFactory((body, init) => {
      const response = new Response(body, init)
      made.push(response)
      return response
    })
  }

  /** A page request on a fetch server, as render.ts answers it: the middleware, the page handler, the way out. */
  async function servePage(
    headers: Record<string, string>,
    body: string | ReadableStream,
    init: PageInit = { status: 200, headers: pageHeaders },
  ): Promise<Response> {
    const request = new Request('http://localhost/', { headers })
    const onResponse = middleware(request, {}, { adapter: 'srvx' })
    const compressPage = pageCompressorOf(request, {})
    const page = compressPage ? await compressPage(body, init) : createResponse(body, init)
    if (typeof onResponse !== 'function') return page
    return (await (onResponse as (r: Response) => Promise<Response | undefined>)(page)) ?? page
  }

  it('builds one Response for a page, with the compressed bytes, Vary, and no stale Content-Length', async () => {
    countResponses()
    const res = await servePage({ 'accept-encoding': BROWSER }, html, {
      status: 201,
      headers: [...pageHeaders, ['Content-Length', String(Buffer.byteLength(html))]],
    })
    expect(made).toEqual([res])
    expect(res.status).toBe(201)
    expect(res.headers.get('content-encoding')).toBe('gzip')
    expect(res.headers.get('vary')).toBe('Accept-Encoding')
    expect(res.headers.get('content-type')).toBe('text/html;charset=utf-8')
    expect(res.headers.get('content-length')).toBeNull()
    expect(decode('gzip', Buffer.from(await res.arrayBuffer()))).toBe(html)
  })

  it("adds Accept-Encoding to the page's own Vary, once", async () => {
    const cookie = await servePage({ 'accept-encoding': BROWSER }, html, {
      status: 200,
      headers: [...pageHeaders, ['Vary', 'Cookie']],
    })
    expect(cookie.headers.get('vary')).toBe('Cookie, Accept-Encoding')
    const already = await servePage({ 'accept-encoding': BROWSER }, html, {
      status: 200,
      headers: [...pageHeaders, ['Vary', 'accept-encoding']],
    })
    expect(already.headers.get('vary')).toBe('accept-encoding')
  })

  it('uses brotli above 16 KB, gzip up to it, and what the client asks for', async () => {
    const large = html.repeat(Math.ceil((SMALL_BODY + 1) / html.length))
    const br = await servePage({ 'accept-encoding': BROWSER }, large)
    expect(br.headers.get('content-encoding')).toBe('br')
    expect(decode('br', Buffer.from(await br.arrayBuffer()))).toBe(large)
    const deflate = await servePage({ 'accept-encoding': 'deflate' }, html)
    expect(deflate.headers.get('content-encoding')).toBe('deflate')
    expect(decode('deflate', Buffer.from(await deflate.arrayBuffer()))).toBe(html)
  })

  it('leaves small pages, pages that are not text, encoded or marked no-transform as they are, in one Response', async () => {
    const small = '<!DOCTYPE html><p>small</p>'
    const cases: [string, [string, string][]][] = [
      [small, pageHeaders],
      [html, [['Content-Type', 'application/octet-stream']]],
      [html, [...pageHeaders, ['Content-Encoding', 'identity']]],
      [html, [...pageHeaders, ['Cache-Control', 'public, no-transform']]],
    ]
    for (const [body, headers] of cases) {
      countResponses()
      const res = await servePage({ 'accept-encoding': BROWSER }, body, { status: 200, headers })
      expect(made).toEqual([res])
      expect(res.headers.get('content-encoding') ?? 'identity').toBe('identity')
      expect(await res.text()).toBe(body)
    }
  })

  it('streams a streamed page through a compressor', async () => {
    const stream = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(html.slice(0, 1000)))
        controller.enqueue(new TextEncoder().encode(html.slice(1000)))
        controller.close()
      },
    })
    const res = await servePage({ 'accept-encoding': BROWSER }, stream)
    expect(res.headers.get('content-encoding')).toBe('br')
    expect(decode('br', Buffer.from(await res.arrayBuffer()))).toBe(html)
  })

  it('leaves pages alone for requests without Accept-Encoding, and for HEAD', async () => {
    const request = new Request('http://localhost/')
    expect(middleware(request, {}, { adapter: 'srvx' })).toBeUndefined()
    expect(pageCompressorOf(request, {})).toBeUndefined()
    const head = new Request('http://localhost/', { method: 'HEAD', headers: { 'accept-encoding': BROWSER } })
    expect(middleware(head, {}, { adapter: 'srvx' })).toBeUndefined()
    expect(pageCompressorOf(head, {})).toBeUndefined()
  })
})

describe('chooseEncoding', () => {
  it.each([
    [null, null],
    ['', null],
    ['gzip, deflate, br, zstd', 'br'],
    ['GZIP', 'gzip'],
    ['gzip;q=1.0, br;q=0.9', 'gzip'],
    ['br;q=0.5, gzip;q=0.5', 'br'],
    ['gzip; q=0', null],
    ['*;q=0', null],
    ['identity, *;q=0', null],
  ])('%s → %s', (header, expected) => {
    expect(chooseEncoding(header)).toBe(expected)
  })
})
