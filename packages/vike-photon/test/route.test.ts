import { describe, expect, it } from 'vitest'
import { CATCH_ALL_ROUTE, ownBundleRoute, vikeRouteToPattern } from '../src/plugin/route.js'

describe('vikeRouteToPattern', () => {
  it.each([
    ['/', '/'],
    ['/about', '/about'],
    ['/about/', '/about'],
    ['/docs/getting-started', '/docs/getting-started'],
    ['/movies/@id', '/movies/:id'],
    ['/movies/@id/', '/movies/:id'],
    ['/@lang/movies/@movieId', '/:lang/movies/:movieId'],
    ['/product/*', '/product/**'],
    ['/@lang/*', '/:lang/**'],
    ['*', CATCH_ALL_ROUTE],
  ])('converts the route string %j to %j', (route, pattern) => {
    expect(vikeRouteToPattern(route)).toBe(pattern)
  })

  it.each([
    ['a route function', () => true],
    ['a route function object', { route: () => true }],
    ['no route', undefined],
    ['a glob in the middle', '/product/*/details'],
    ['a glob inside a segment', '/product*'],
    ['a parameter inside a segment', '/movie-@id'],
    ['a parameter with characters rou3 cannot name', '/movies/@id.json'],
    ['a colon (rou3 syntax)', '/a:b'],
    ['parentheses (rou3 syntax)', '/(group)/page'],
    ['a backslash', '/a\\b'],
    ['an empty segment', '/a//b'],
    ['a relative route', 'about'],
  ])('falls back to the catch-all (null) for %s', (_, route) => {
    expect(vikeRouteToPattern(route)).toBeNull()
  })
})

describe('ownBundleRoute (a page with a bundle of its own also answers its page-context request)', () => {
  it.each([
    ['/', '/**'],
    ['/about', '/about/**'],
    ['/movies/:id', '/movies/:id/**'],
    ['/docs/**', '/docs/**'],
  ])('%s → %s', (pattern, expected) => {
    expect(ownBundleRoute(pattern)).toBe(expected)
  })
})
