import { enhance } from '@universal-middleware/core'

/** The path of a request URL without parsing the whole URL (this runs on every request). */
export function pathnameOf(url: string): string {
  const start = url.indexOf('/', url.indexOf('//') + 2)
  if (start === -1) return '/'
  // The path ends at the first `?` or `#`, whichever comes first (`/a#b?c` is `/a`).
  let end = url.length
  for (let i = start; i < end; i++) {
    const c = url.charCodeAt(i)
    if (c === 63 /* ? */ || c === 35 /* # */) end = i
  }
  return url.slice(start, end)
}

/** Whether a path's percent-escapes decode; `/%E0%A4%A` does not, and must get a 400, not a crash or a 500. */
export function isDecodable(pathname: string): boolean {
  if (!pathname.includes('%')) return true
  try {
    // The result is used on purpose: bundlers drop a bare `decodeURIComponent()` call as side-effect free.
    return typeof decodeURIComponent(pathname) === 'string'
  } catch {
    return false
  }
}

/** Answers 400 to URLs that cannot be decoded, before any other middleware tries to. */
export const urlGuard = enhance(
  function vikePhotonUrlGuard(request: Request) {
    if (!isDecodable(pathnameOf(request.url))) return new Response('Bad Request', { status: 400 })
  },
  { name: 'vike-photon:url-guard', immutable: true },
)
