// Part of step "serve": the pages a visitor reaches from the index page. The index page alone says little about an
// app with several pages (a lost custom route, a page whose server code broke in the migration); the links of the
// index page are the pages its user clicks first. Each same-origin link (at most `maxPages`) must answer below 400
// with HTML, except 401/403 (a login wall is the app working) and a 5xx while the server printed that a request of
// its own could not reach the network (this machine has none but the npm registry: the Star Wars pages of Vike's
// templates fetch a public API on every request). Those are shown in the detail, not counted as broken.

export const maxPages = 8

/** Paths of the same-origin pages the HTML links to, without the page itself, fragments or files. */
export function linkedPages(html: string, pageUrl: string, max = maxPages): string[] {
  const page = new URL(pageUrl)
  const paths = new Set<string>()
  for (const match of html.matchAll(/<a\b[^>]*?\shref=["']([^"']+)["']/gi)) {
    const href = match[1]!.trim()
    if (/^(?:[a-z][a-z0-9+.-]*:|\/\/|#)/i.test(href) && !href.startsWith(page.origin)) continue // mailto:, other hosts
    let url: URL
    try {
      url = new URL(href, page)
    } catch {
      continue
    }
    if (url.origin !== page.origin) continue
    // A file (`/cv.pdf`, `/feed.xml`), not a page; `.html` is a page.
    if (/\.[a-z0-9]{2,5}$/i.test(url.pathname) && !/\.html?$/i.test(url.pathname)) continue
    const path = url.pathname + url.search
    if (url.pathname === page.pathname && url.search === page.search) continue
    paths.add(path)
    if (paths.size === max) break
  }
  return [...paths]
}

export type PageCheck = {
  path: string
  status: number | string
  /** For a 5xx: what the server printed that shows its own request needed the network (see needsNetwork). */
  offline?: string
}

// What Node (undici, node-fetch, axios), workerd and Deno print when an outgoing request cannot leave the machine.
const NETWORK_ERROR =
  /\b(?:getaddrinfo (?:ENOTFOUND|EAI_AGAIN) [^\s'"]+|ENOTFOUND [^\s'"]+|EAI_AGAIN [^\s'"]+|ENETUNREACH|Network connection lost|DNS lookup failed[^\n]*)/

/** The first sign, in what the server printed while answering, that it could not reach the network. */
export function needsNetwork(printed: string): string | undefined {
  return NETWORK_ERROR.exec(printed)?.[0]
}

/** A failed page, or undefined when every page answered as a working page does. */
export function brokenPage(checks: PageCheck[]): PageCheck | undefined {
  return checks.find(
    ({ status, offline }) =>
      typeof status === 'string' || (status >= 400 && status !== 401 && status !== 403 && !offline),
  )
}

/** `3 linked pages answered` or `3 linked pages answered (/admin 401)`, for the table's detail. */
export function describeChecks(checks: PageCheck[]): string {
  if (checks.length === 0) return 'no linked page'
  const notOk = checks
    .filter(({ status }) => status !== 200)
    .map(({ path, status, offline }) => `${path} ${status}${offline ? `: needs the network, ${offline}` : ''}`)
  const count = `${checks.length} linked page${checks.length === 1 ? '' : 's'} answered`
  return notOk.length ? `${count} (${notOk.join(', ')})` : count
}
