// Routes as Vercel's `config.json` needs them. Pure functions: unit-tested in test/vercel-routes.test.ts.

/**
 * The regular expression (as a string) that matches a page's URL and its page-context request
 * (`/about/index.pageContext.json`, fetched by Vike on client-side navigation), from the page's rou3 pattern.
 * Both must reach the page's own function: an edge page navigated to on the client is still rendered on the edge.
 */
export function pageRouteRegex(pattern: string): string {
  const segments = pattern.split('/').slice(1).filter(Boolean)
  const path = segments
    .map((segment) => {
      if (segment === '**' || segment.startsWith('**:')) return '.*'
      if (segment.startsWith(':')) return '[^/]+'
      return escapeRegex(segment)
    })
    .join('/')
  if (path === '') return '/(?:index\\.pageContext\\.json)?'
  return `/${path}(?:/index\\.pageContext\\.json)?`
}

/** Where a page's function lives under `.vercel/output/functions/`: `/pages/isr` → `_vike/pages/isr`. */
export function pageFunctionPath(pageId: string): string {
  const clean = pageId.replace(/^\/+/, '').replace(/[^a-zA-Z0-9\-_/]/g, '-')
  return `_vike/${clean}`
}

function escapeRegex(segment: string): string {
  return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
