import { isPrerendered } from '../vercel/settings.js'
import { pagePaths } from './functions.js'

// The `headers` of `.netlify/v1/config.json` (Netlify's Frameworks API, the JSON form of netlify.toml's
// `[[headers]]`): rules Netlify's CDN applies to the static files it serves. Pure: tested in
// test/netlify-functions.test.ts.

export interface NetlifyHeadersRule {
  for: string
  values: Record<string, string>
}

export interface PageHeadersSource {
  route: string | null
  prerender: unknown
  /** The page's `headersResponse` values (cumulative in Vike: one per config file), as read at build time. */
  headersResponse: unknown[]
}

/**
 * Hashed assets are immutable (Netlify serves every file `max-age=0, must-revalidate` unless told otherwise); a
 * pre-rendered page is a file that no function renders, so its static `headersResponse` becomes a rule. Pages
 * rendered by a function send their `headersResponse` themselves (Vike sets them at render time).
 */
export function netlifyHeaders(assetsDir: string, pages: PageHeadersSource[]): NetlifyHeadersRule[] {
  const rules: NetlifyHeadersRule[] = [
    { for: `/${assetsDir}/*`, values: { 'Cache-Control': 'public, max-age=31536000, immutable' } },
  ]
  for (const page of pages) {
    if (!page.route || !isPrerendered(page.prerender)) continue
    const values = staticHeaders(page.headersResponse)
    if (!values) continue
    for (const path of pagePaths(page.route)) rules.push({ for: path, values })
  }
  return rules
}

/** The headers of every value that is a HeadersInit; a function of pageContext is only known at render time. */
function staticHeaders(headersResponse: unknown[]): Record<string, string> | null {
  const out: Record<string, string> = {}
  for (const value of headersResponse) {
    if (typeof value === 'function' || value === null || value === undefined) continue
    try {
      new Headers(value as HeadersInit).forEach((v, k) => {
        out[k] = v
      })
    } catch {
      // Not a HeadersInit: Vike reports it at render time.
    }
  }
  return Object.keys(out).length > 0 ? out : null
}
