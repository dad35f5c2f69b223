// Vike's `+onCreatePageContext` hook, which the extension adds to every page (config.ts). It lets a `+middleware`
// that threw end in the app's own error page: Vike renders the error page only for errors thrown by hooks and
// pages, and a throwing `+middleware` made `renderPage()` itself reject (see middleware-error.ts). `.ssr` in the
// file name makes it a server-only hook that does not turn client navigation into pageContext.json requests
// (a `.server` or a shared hook would: one in the browser bundle, the other a server round trip per navigation).

/** The `pageContextInit` property holding what a `+middleware` threw, for the second render of that request. */
export const MIDDLEWARE_ERROR = 'vikePhotonMiddlewareError'

export function onCreatePageContext(pageContext: Record<string, unknown>): void {
  // Rethrown while rendering the page (Vike then renders the error page, with `errorWhileRendering` set), not
  // while rendering the error page itself.
  if (MIDDLEWARE_ERROR in pageContext && !pageContext.errorWhileRendering) throw pageContext[MIDDLEWARE_ERROR]
}
