// Converts Vike's route strings (https://vike.dev/route-string) into the rou3 patterns that Photon and
// universal-middleware route with. A route that cannot be expressed exactly returns `null`: that page is then
// reached through the catch-all handler, where Vike's own router decides.

/** rou3 pattern that matches every path: the catch-all handler's route. */
export const CATCH_ALL_ROUTE = '/**'

/**
 * The route a page's handler answers when the page has a bundle of its own (a unit, a Vercel ISR or edge function):
 * the page's route and everything below it, so that its page-context request (`/about/index.pageContext.json`,
 * fetched on client-side navigation) reaches it too. Vike's router still decides what renders.
 */
export function ownBundleRoute(pattern: string): string {
  return pattern.endsWith('/**') ? pattern : `${pattern.replace(/\/$/, '')}/**`
}

export function vikeRouteToPattern(route: unknown): string | null {
  // Route functions (https://vike.dev/route-function) can only be evaluated by Vike at request time.
  if (typeof route !== 'string') return null
  if (route === '*') return CATCH_ALL_ROUTE
  if (!route.startsWith('/')) return null

  const segments = route.split('/').slice(1)
  if (segments.at(-1) === '') segments.pop() // `/about/` is `/about`
  const out: string[] = []
  for (const [i, segment] of segments.entries()) {
    const isLast = i === segments.length - 1
    if (segment === '*' && isLast) {
      out.push('**')
    } else if (segment.startsWith('@') && /^@[A-Za-z_$][\w$]*$/.test(segment)) {
      out.push(`:${segment.slice(1)}`)
    } else if (/^[^*:@()\\]+$/.test(segment)) {
      out.push(segment)
    } else {
      // A glob in the middle, a parameter inside a segment, or characters rou3 treats as syntax.
      return null
    }
  }
  return `/${out.join('/')}`
}
