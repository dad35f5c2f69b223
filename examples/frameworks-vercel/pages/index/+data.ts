import type { PageContextServer } from 'vike/types'

// `pageContext.runtime` is the server framework's request context: which adapter answered this request.
export function data(pageContext: PageContextServer) {
  const runtime = (pageContext as PageContextServer & { runtime?: { adapter?: string } }).runtime
  return { adapter: runtime?.adapter ?? 'unknown' }
}
