import type { PageContextServer } from 'vike/types'

export type Data = { runtime: string; search: Record<string, string> }

export function data(pageContext: PageContextServer): Data {
  // `EdgeRuntime` is a global on Vercel's edge runtime (and in the local test server that emulates it).
  const runtime = typeof (globalThis as { EdgeRuntime?: unknown }).EdgeRuntime === 'string' ? 'edge' : 'node'
  // The query string reaches the page's own function too: `/edge?name=Ada`.
  return { runtime, search: pageContext.urlParsed.search }
}
