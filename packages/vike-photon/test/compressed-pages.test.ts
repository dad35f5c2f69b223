import { gunzipSync, gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { compress } from '../src/runtime/compress.js'
import { CompressedPages, mayKeep } from '../src/runtime/compressed-pages.js'
import { type PageInit, pageCompressorOf } from '../src/runtime/response.js'

const html = (n: number) => `<!DOCTYPE html><html><body>${`<p>page ${n}</p>`.repeat(100)}</body></html>`
const gzip = (text: string) => new Uint8Array(gzipSync(text))

describe('CompressedPages', () => {
  it('gives back the bytes kept for the same HTML, rendered again as a new string', () => {
    const pages = new CompressedPages()
    pages.set('gzip', html(1), gzip(html(1)))
    const again = `${html(1).slice(0, 10)}${html(1).slice(10)}`
    expect(gunzipSync(pages.get('gzip', again)!).toString()).toBe(html(1))
    expect(pages.get('br', html(1))).toBeUndefined()
    expect(pages.get('gzip', html(2))).toBeUndefined()
  })

  it('keeps its own copy: bytes handed out or put in may be taken over by a stream without harm', () => {
    const pages = new CompressedPages()
    const bytes = gzip(html(1))
    pages.set('gzip', html(1), bytes)
    structuredClone(bytes.buffer, { transfer: [bytes.buffer] }) // detaches `bytes`, as a byte stream would
    const first = pages.get('gzip', html(1))!
    structuredClone(first.buffer, { transfer: [first.buffer] })
    expect(gunzipSync(pages.get('gzip', html(1))!).toString()).toBe(html(1))
  })

  it('keeps 32 pages per encoding, dropping the oldest, and no page over 16 KB', () => {
    const pages = new CompressedPages()
    for (let n = 0; n <= 32; n++) pages.set('gzip', html(n), gzip(html(n)))
    expect(pages.get('gzip', html(0))).toBeUndefined()
    for (let n = 1; n <= 32; n++) expect(pages.get('gzip', html(n))).toBeDefined()
    const large = 'x'.repeat(16 * 1024 + 1)
    pages.set('gzip', large, gzip(large))
    expect(pages.get('gzip', large)).toBeUndefined()
  })
})

describe('mayKeep', () => {
  it("keeps pages, Vike's default no-store ones included, not those that set a cookie or are private", () => {
    const type: [string, string] = ['Content-Type', 'text/html;charset=utf-8']
    expect(mayKeep([type, ['cache-control', 'no-store, max-age=0']])).toBe(true)
    expect(mayKeep([type, ['Cache-Control', 'public, max-age=60']])).toBe(true)
    expect(mayKeep([type, ['Set-Cookie', 'session=1']])).toBe(false)
    expect(mayKeep([type, ['cache-control', 'private, max-age=0']])).toBe(false)
    expect(mayKeep([type, ['Cache-Control', 'max-age=0, private']])).toBe(false)
    expect(mayKeep([type, ['Cache-Control', 'private="set-cookie"']])).toBe(false)
  })
})

describe('compress, pages sent again', () => {
  type Handler = (request: Request, context: Universal.Context, runtime: unknown) => unknown
  async function servePage(body: string, init: PageInit): Promise<Response> {
    const request = new Request('http://localhost/', { headers: { 'accept-encoding': 'gzip, deflate, br, zstd' } })
    ;(compress as unknown as Handler)(request, {}, { adapter: 'srvx' })
    return pageCompressorOf(request, {})!(body, init)
  }
  const init: PageInit = { status: 200, headers: [['Content-Type', 'text/html;charset=utf-8']] }

  it('answers the same HTML with the same bytes and headers, each response whole after the other was read', async () => {
    const first = await servePage(html(7), init)
    const firstBytes = new Uint8Array(await first.arrayBuffer())
    const second = await servePage(`${html(7)}`, init)
    expect(second.headers.get('content-encoding')).toBe('gzip')
    expect(second.headers.get('vary')).toBe('Accept-Encoding')
    expect(new Uint8Array(await second.arrayBuffer())).toEqual(firstBytes)
    expect(gunzipSync(firstBytes).toString()).toBe(html(7))
    const third = await servePage(html(7), { status: 404, headers: [...init.headers, ['Set-Cookie', 'a=1']] })
    expect(third.status).toBe(404)
    expect(third.headers.get('set-cookie')).toBe('a=1')
    expect(gunzipSync(new Uint8Array(await third.arrayBuffer())).toString()).toBe(html(7))
  })
})
