// The compressed bytes of the pages compressed last, by their HTML. Many pages render the same HTML for every request
// (no user data, no per-request nonce): compressing them again is the largest part of what a browser's request costs
// beyond an uncompressed one (a 1.5 KB page: 25 µs of gzip per request on Node 20, against about 3 µs to find a
// freshly rendered string of the same HTML in a Map, hashing included). Pages that differ per request miss and pay
// that lookup on top of compressing.

/** Pages longer than this are not kept (compress.ts compresses longer bodies with brotli, and less often). */
const MAX_LENGTH = 16 * 1024
/** Pages kept per encoding: the oldest goes first. At most 512 KB of HTML (UTF-16: up to 1 MB) per encoding. */
const MAX_PAGES = 32

export class CompressedPages {
  readonly #byEncoding = new Map<string, Map<string, Uint8Array<ArrayBuffer>>>()

  /**
   * The bytes compressed earlier for this HTML in this encoding, as a copy: a Response may hand its body to a web
   * stream that takes it over (a byte stream detaches what it is given), and the kept bytes must stay intact.
   */
  get(encoding: string, html: string): Uint8Array<ArrayBuffer> | undefined {
    if (html.length > MAX_LENGTH) return undefined
    const kept = this.#byEncoding.get(encoding)?.get(html)
    return kept && new Uint8Array(kept)
  }

  /** Keeps a copy of `bytes` (see `get`), evicting the page kept longest when this encoding has MAX_PAGES. */
  set(encoding: string, html: string, bytes: Uint8Array): void {
    if (html.length > MAX_LENGTH) return
    let pages = this.#byEncoding.get(encoding)
    if (!pages) {
      pages = new Map()
      this.#byEncoding.set(encoding, pages)
    }
    if (pages.size >= MAX_PAGES) pages.delete(pages.keys().next().value!)
    pages.set(html, new Uint8Array(bytes))
  }
}

const PRIVATE = /(?:^|,)\s*private\s*(?:[,=]|$)/i

/**
 * Whether a page's compressed bytes may be kept for the next request with the same HTML: not when it sets a cookie or
 * is marked `Cache-Control: private`. Nothing kept is ever sent for another HTML (the bytes depend on the HTML alone),
 * so this is no HTTP cache and `no-store`, Vike's default for every page (vike 0.4.266, getCacheControl.js), does not
 * stop it. What a kept page does change is timing: it is answered some 30 µs sooner, which tells a request whether
 * the very same HTML was sent lately only if it can make the server render that HTML for itself (already knowing
 * all of it), and only on its first try, since its own request then keeps the page. Pages marked as one user's are
 * left out all the same.
 */
export function mayKeep(headers: readonly [string, string][]): boolean {
  for (const [name, value] of headers) {
    const key = name.toLowerCase()
    if (key === 'set-cookie') return false
    if (key === 'cache-control' && PRIVATE.test(value)) return false
  }
  return true
}
