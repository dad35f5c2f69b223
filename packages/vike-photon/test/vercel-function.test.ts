import { describe, expect, it } from 'vitest'
import { originalPathAndQuery, withOriginalUrlEdge } from '../src/targets/vercel/runtime/function.js'

describe('originalPathAndQuery (the URL a rewritten Vercel function was asked for)', () => {
  it("keeps the browser's query string and drops Photon's parameter", () => {
    expect(originalPathAndQuery('/edge?name=Ada%20Lovelace&__original_path=%2Fedge&x=1', null)).toBe(
      '/edge?name=Ada%20Lovelace&x=1',
    )
  })

  it('works with the parameter first, last or alone', () => {
    expect(originalPathAndQuery('/_vike/pages/edge?__original_path=/edge&q=a+b', null)).toBe('/edge?q=a+b')
    expect(originalPathAndQuery('/_vike/pages/edge?q=1&__original_path=/edge', null)).toBe('/edge?q=1')
    expect(originalPathAndQuery('/_vike/pages/edge?__original_path=/edge', null)).toBe('/edge')
  })

  it('reads the page-context request of client-side navigation', () => {
    expect(originalPathAndQuery('/x?__original_path=%2Fmovies%2F42%2Findex.pageContext.json&sort=desc', null)).toBe(
      '/movies/42/index.pageContext.json?sort=desc',
    )
  })

  it('falls back to the x-now-route-matches header of ISR invocations', () => {
    expect(originalPathAndQuery('/_vike/pages/isr?page=2', '1=%2Fisr')).toBe('/isr?page=2')
  })

  it('leaves a request that was not rewritten alone', () => {
    expect(originalPathAndQuery('/about?x=1', null)).toBeNull()
    expect(originalPathAndQuery('/', null)).toBeNull()
  })

  it('keeps a plus sign in the path and ignores an undecodable one', () => {
    expect(originalPathAndQuery('/f?__original_path=/c++', null)).toBe('/c++')
    expect(originalPathAndQuery('/f?__original_path=%E0%A4%A', null)).toBeNull()
  })

  it('never turns the path into another origin', () => {
    expect(originalPathAndQuery('/f?__original_path=%2F%2Fevil.example%2Fx', null)).toBe('/x')
    expect(originalPathAndQuery('/f?__original_path=https%3A%2F%2Fevil.example%2Fy', null)).toBe('/y')
  })
})

describe('withOriginalUrlEdge', () => {
  it('hands the function a Request with the original URL and without the route-matches header', async () => {
    let seen: Request | undefined
    const fn = withOriginalUrlEdge((request: Request) => {
      seen = request
      return new Response('ok')
    }) as (request: Request) => Promise<Response>
    await fn(
      new Request('https://app.example/_vike/pages/isr?__original_path=%2Fisr&q=1', {
        headers: { 'x-now-route-matches': '1=%2Fisr', accept: 'text/html' },
      }),
    )
    expect(seen?.url).toBe('https://app.example/isr?q=1')
    expect(seen?.headers.get('x-now-route-matches')).toBeNull()
    expect(seen?.headers.get('accept')).toBe('text/html')
  })
})
