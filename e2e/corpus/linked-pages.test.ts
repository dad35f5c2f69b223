import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { brokenPage, describeChecks, linkedPages, needsNetwork } from './linked-pages'
import { corpusDir } from './paths'

describe('linkedPages', () => {
  const page = 'http://127.0.0.1:4000/'

  it('keeps same-origin pages once, with their query, in document order', () => {
    const html = `
      <nav><a href="/about">About</a> <a class="x" href='/blog?page=2'>Blog</a> <a href="/about">About again</a>
      <a href="http://127.0.0.1:4000/contact">Contact</a> <a href="docs/">Docs</a></nav>`
    expect(linkedPages(html, page)).toEqual(['/about', '/blog?page=2', '/contact', '/docs/'])
  })

  it('leaves out other hosts, other schemes, fragments, files and the page itself', () => {
    const html = `
      <a href="https://github.com/x">GitHub</a> <a href="//cdn.example/x">CDN</a> <a href="mailto:a@b.c">Mail</a>
      <a href="#top">Top</a> <a href="/#features">Features</a> <a href="/cv.pdf">CV</a> <a href="/rss.xml">RSS</a>
      <a href="/">Home</a> <a href="/old.html">Old page</a>`
    expect(linkedPages(html, page)).toEqual(['/old.html'])
  })

  it('stops at the maximum', () => {
    const html = Array.from({ length: 20 }, (_, i) => `<a href="/p${i}">${i}</a>`).join('')
    expect(linkedPages(html, page, 3)).toEqual(['/p0', '/p1', '/p2'])
  })
})

describe('needsNetwork', () => {
  it('finds what Node and workerd print when a request cannot leave the machine, and nothing else', () => {
    expect(
      needsNetwork(
        'FetchError: request to https://brillout.github.io/star-wars/api/films.json failed, reason: getaddrinfo ENOTFOUND brillout.github.io',
      ),
    ).toBe('getaddrinfo ENOTFOUND brillout.github.io')
    expect(needsNetwork('TypeError: fetch failed\n  [cause]: Error: getaddrinfo EAI_AGAIN api.example.com')).toBe(
      'getaddrinfo EAI_AGAIN api.example.com',
    )
    expect(needsNetwork('Error: Network connection lost.')).toBe('Network connection lost')
    expect(
      needsNetwork(
        'e = kj/async-io-unix.c++:1298: failed: DNS lookup failed.; params.host = brillout.github.io; params.service = ;',
      ),
    ).toBe('DNS lookup failed.; params.host = brillout.github.io; params.service = ;')
    expect(needsNetwork('TypeError: Cannot read properties of undefined (reading "map")')).toBeUndefined()
    expect(needsNetwork('Error: connect ECONNREFUSED 127.0.0.1:5432')).toBeUndefined() // a database: not network
  })
})

describe('fetch-cause.mjs, preloaded into the servers the runner starts', () => {
  // A server whose page fetches a host that cannot resolve (`.invalid` never does, network or not).
  const server = `fetch('https://star-wars.invalid/api/films.json').then(
    () => console.log('fetched'),
    (error) => console.log('the app got: ' + error.message),
  )`
  const run = (preload: boolean) => {
    const options = preload ? [`--import=${pathToFileURL(join(corpusDir, 'fetch-cause.mjs')).href}`] : []
    return spawnSync(process.execPath, [...options, '-e', server], { encoding: 'utf8' })
  }

  it("prints why a fetch() failed, which needsNetwork then finds; the app's error is unchanged", () => {
    const bare = run(false)
    expect(bare.stdout).toBe('the app got: fetch failed\n')
    expect(needsNetwork(bare.stdout + bare.stderr)).toBeUndefined() // Node alone does not say why
    const preloaded = run(true)
    expect(preloaded.stdout).toBe('the app got: fetch failed\n')
    expect(needsNetwork(preloaded.stderr)).toMatch(/^getaddrinfo (?:ENOTFOUND|EAI_AGAIN) star-wars\.invalid$/)
  })
})

describe('brokenPage and describeChecks', () => {
  it('a login wall (401, 403) is a working page; 404, 500, no HTML and a failed request are not', () => {
    expect(
      brokenPage([
        { path: '/admin', status: 401 },
        { path: '/me', status: 403 },
      ]),
    ).toBeUndefined()
    expect(
      brokenPage([
        { path: '/a', status: 200 },
        { path: '/b', status: 404 },
      ]),
    ).toEqual({ path: '/b', status: 404 })
    expect(brokenPage([{ path: '/c', status: 500 }])?.path).toBe('/c')
    expect(brokenPage([{ path: '/d', status: '200 but no HTML' }])?.path).toBe('/d')
    expect(describeChecks([])).toBe('no linked page')
    const offline = { path: '/star-wars', status: 500, offline: 'getaddrinfo ENOTFOUND brillout.github.io' }
    expect(brokenPage([offline])).toBeUndefined()
    expect(describeChecks([offline])).toBe(
      '1 linked page answered (/star-wars 500: needs the network, getaddrinfo ENOTFOUND brillout.github.io)',
    )
    expect(
      describeChecks([
        { path: '/a', status: 200 },
        { path: '/admin', status: 401 },
      ]),
    ).toBe('2 linked pages answered (/admin 401)')
  })
})
