import { describe, expect, it } from 'vitest'
import { OneChunkResponse } from '../src/runtime/one-chunk-response.js'

/** Reads a web stream as @universal-middleware/node's sendResponse does: chunk by chunk. */
async function chunksOf(stream: ReadableStream<Uint8Array> | null): Promise<string[]> {
  const chunks: string[] = []
  if (!stream) return chunks
  for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) chunks.push(Buffer.from(chunk).toString())
  return chunks
}

describe('OneChunkResponse', () => {
  const init = { status: 200, headers: { 'Content-Type': 'text/html;charset=utf-8' } }

  it('hands a page rendered to a string over as one chunk of its UTF-8 bytes, the same stream on every read', async () => {
    const response = new OneChunkResponse('<p>ünïcode</p>', init)
    expect(response.body).toBeInstanceOf(ReadableStream)
    expect(response.body).toBe(response.body)
    expect(await chunksOf(response.body)).toEqual(['<p>ünïcode</p>'])
    expect(response.headers.get('content-type')).toBe('text/html;charset=utf-8')
    expect(response.status).toBe(200)
  })

  it('hands compressed bytes over as they are', async () => {
    const bytes = new Uint8Array([1, 2, 3])
    const response = new OneChunkResponse(bytes, init)
    const reader = response.body!.getReader()
    expect((await reader.read()).value).toBe(bytes)
    expect((await reader.read()).done).toBe(true)
  })

  it('leaves streamed pages and empty bodies to the native Response', async () => {
    const streamed = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('<p>a</p>'))
        controller.enqueue(new TextEncoder().encode('<p>b</p>'))
        controller.close()
      },
    })
    expect(await chunksOf(new OneChunkResponse(streamed, init).body)).toEqual(['<p>a</p>', '<p>b</p>'])
    expect(new OneChunkResponse(null, { status: 204 }).body).toBeNull()
  })

  it('still reads as a Response: text() and instanceof', async () => {
    const response = new OneChunkResponse('<p>page</p>', init)
    expect(response).toBeInstanceOf(Response)
    expect(await response.text()).toBe('<p>page</p>')
  })
})
