import { describe, expect, it } from 'vitest'
import { isDecodable, pathnameOf, urlGuard } from '../src/runtime/url-guard.js'

describe('pathnameOf', () => {
  it.each([
    ['http://localhost/', '/'],
    ['http://localhost', '/'],
    ['http://localhost:3000/about', '/about'],
    ['http://localhost/about?x=1', '/about'],
    ['http://localhost/about?next=/a//b', '/about'],
    ['http://localhost/about#top', '/about'],
    ['http://localhost/about?x=1#top', '/about'],
    ['http://localhost/about#top?x=1', '/about'],
    ['https://user:pass@example.com/a/b/', '/a/b/'],
    ['http://localhost//double//slashes', '//double//slashes'],
    ['http://localhost/%E0%A4%A', '/%E0%A4%A'],
  ])('%s → %s', (url, pathname) => {
    expect(pathnameOf(url)).toBe(pathname)
  })

  it('agrees with the URL parser on request URLs', () => {
    for (const url of ['http://localhost/movies/42?x=1', 'http://[::1]:3000/a/b?c', 'http://h/%20x?y#z']) {
      expect(pathnameOf(new Request(url).url)).toBe(new URL(url).pathname)
    }
  })
})

describe('isDecodable', () => {
  it.each(['/', '/about', '/hello%20world', '/%E0%A4%A4', '/%2e%2e/'])('accepts %s', (path) => {
    expect(isDecodable(path)).toBe(true)
  })
  it.each(['/%E0%A4%A', '/%', '/%zz', '/%C0%AF'])('refuses %s', (path) => {
    expect(isDecodable(path)).toBe(false)
  })
})

describe('urlGuard', () => {
  const run = (url: string) => urlGuard(new Request(url))

  it('answers 400 to a URL that cannot be decoded', async () => {
    const response = (await run('http://localhost/%E0%A4%A')) as Response
    expect(response.status).toBe(400)
    expect(await response.text()).toBe('Bad Request')
  })

  it('lets other URLs through', async () => {
    expect(await run('http://localhost/about?q=%E0%A4%A')).toBeUndefined()
    expect(await run('http://localhost/%E0%A4%A4')).toBeUndefined()
  })
})
