import type { PageContextServer } from 'vike/types'

// The built-in server has no `apply()` to pass `addPageContext()` to: Vike's own hook adds the value instead.
// A server entry's `addPageContext()` has already run when this hook runs, and wins.
export default function onCreatePageContext(pageContext: PageContextServer & { servedBy?: string }) {
  pageContext.servedBy ??= 'the built-in server'
}
