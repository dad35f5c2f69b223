import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, sep } from 'node:path'

// An index of the client build, made once at start-up. Requests are answered by looking a URL path up in
// this map, never by joining the URL onto a filesystem path: `..`, `%2e%2e`, `%2f`, backslashes and absolute
// paths cannot reach anything outside the client build because only files found inside it are in the map.

export interface StaticFile {
  /** Absolute path on disk. */
  file: string
  size: number
  headers: Record<string, string>
  etag: string
  /** Precompressed variants written at build time (`.br`, `.gz`). */
  br: StaticVariant | null
  gzip: StaticVariant | null
  /** Small files are kept in memory: they are served thousands of times and never change. */
  body: Buffer | null
}

export interface StaticVariant {
  file: string
  size: number
  body: Buffer | null
}

export interface StaticOptions {
  /** `Cache-Control` of files outside `/assets/`. */
  cacheControl: string
  /** The Content-Type of a file (by its path), or undefined for `application/octet-stream`. */
  contentType: (file: string) => string | undefined
}

const IMMUTABLE = 'public, max-age=31536000, immutable'
const MAX_CACHED_FILE = 512 * 1024
const MAX_CACHED_TOTAL = 64 * 1024 * 1024

export class StaticFiles {
  readonly #files = new Map<string, StaticFile>()

  static load(dir: string, options: StaticOptions): StaticFiles {
    const files = new StaticFiles()
    files.#index(dir, options)
    return files
  }

  get size(): number {
    return this.#files.size
  }

  /**
   * The file for a URL path (still percent-encoded, as it arrives), or `undefined`. Tries the path itself,
   * then `.html` and `/index.html` (pre-rendered pages).
   */
  find(rawPathname: string): StaticFile | undefined {
    let pathname = normalizePath(rawPathname)
    if (pathname.includes('%')) {
      try {
        pathname = decodeURIComponent(pathname)
      } catch {
        return undefined
      }
    }
    const files = this.#files
    return (
      files.get(pathname) ??
      (pathname.endsWith('/')
        ? files.get(`${pathname}index.html`)
        : (files.get(`${pathname}.html`) ?? files.get(`${pathname}/index.html`)))
    )
  }

  #index(dir: string, options: StaticOptions): void {
    let cachedBytes = 0
    const cache = (file: string, size: number): Buffer | null => {
      if (size > MAX_CACHED_FILE || cachedBytes + size > MAX_CACHED_TOTAL) return null
      cachedBytes += size
      return readFileSync(file)
    }
    const all = listFiles(dir)
    const names = new Set(all)
    for (const file of all) {
      if (file.endsWith('.br') && names.has(file.slice(0, -3))) continue
      if (file.endsWith('.gz') && names.has(file.slice(0, -3))) continue
      const stat = statSync(file)
      const urlPath = `/${relative(dir, file).split(sep).join('/')}`
      const etag = `W/"${stat.size}-${Math.floor(stat.mtimeMs)}"`
      const variant = (suffix: string): StaticVariant | null => {
        if (!names.has(file + suffix)) return null
        const size = statSync(file + suffix).size
        return { file: file + suffix, size, body: cache(file + suffix, size) }
      }
      const br = variant('.br')
      const gzip = variant('.gz')
      const headers: Record<string, string> = {
        'Content-Type': options.contentType(file) ?? 'application/octet-stream',
        'Cache-Control': urlPath.startsWith('/assets/') ? IMMUTABLE : options.cacheControl,
        ETag: etag,
        'Last-Modified': stat.mtime.toUTCString(),
        'Accept-Ranges': 'bytes',
      }
      if (headers['Content-Type']!.startsWith('text/') || headers['Content-Type'] === 'application/javascript') {
        headers['Content-Type'] += '; charset=utf-8'
      }
      if (br || gzip) headers.Vary = 'Accept-Encoding'
      this.#files.set(urlPath, { file, size: stat.size, headers, etag, br, gzip, body: cache(file, stat.size) })
    }
  }
}

/**
 * The path of a request target as pages see it (RFC 9112, 3.2.2 and RFC 3986, 5.2.4): the absolute form
 * (`http://host/robots.txt`, sent to proxies) becomes `/robots.txt`, and `.` and `..` segments are resolved
 * (`/./robots.txt`, `/assets/../robots.txt`), never above the root. Encoded dots (`%2e`) are left as they are, so
 * they find nothing. The result is only ever looked up in the index: it cannot reach a file outside the build.
 */
export function normalizePath(target: string): string {
  let path = target
  if (!path.startsWith('/')) {
    const scheme = /^[a-z][a-z0-9+.-]*:\/\/[^/]*/i.exec(path)
    path = scheme ? path.slice(scheme[0].length) || '/' : `/${path}`
  }
  if (!path.includes('/.')) return path
  const out: string[] = []
  const segments = path.slice(1).split('/')
  segments.forEach((segment, i) => {
    const last = i === segments.length - 1
    if (segment === '.' || segment === '..') {
      if (segment === '..') out.pop()
      if (last) out.push('')
    } else out.push(segment)
  })
  return `/${out.join('/')}`
}

/** Which precompressed variant to send for an `Accept-Encoding` header (brotli first, as it is smaller). */
export function pickVariant(
  file: StaticFile,
  acceptEncoding: string | null | undefined,
): { variant: StaticVariant; encoding: 'br' | 'gzip' } | null {
  if (!acceptEncoding) return null
  const br = file.br ? quality(acceptEncoding, 'br') : 0
  const gzip = file.gzip ? quality(acceptEncoding, 'gzip') : 0
  // The higher quality wins (`br;q=0.5, gzip;q=1` is gzip); brotli on a tie, as it is smaller.
  if (br > 0 && br >= gzip) return { variant: file.br!, encoding: 'br' }
  if (gzip > 0) return { variant: file.gzip!, encoding: 'gzip' }
  return null
}

/** The quality (0 to 1) an `Accept-Encoding` header gives a coding; 0 is "refused". */
function quality(header: string, encoding: 'br' | 'gzip'): number {
  // Codings are tokens compared case-insensitively (`x-gzip` is gzip), `*` stands for any coding not listed,
  // and `q=0` refuses one (`br;q=0`). A substring search got `x-brotli` wrong and ignored `*` and `GZIP`.
  let wildcard = 0
  for (const part of header.toLowerCase().split(',')) {
    const semicolon = part.indexOf(';')
    const name = (semicolon === -1 ? part : part.slice(0, semicolon)).trim()
    const q = semicolon === -1 ? null : /(?:^|;)\s*q\s*=\s*([01](?:\.\d*)?)\s*(?:;|$)/.exec(part.slice(semicolon))
    const value = q ? Math.min(1, Number(q[1])) : 1
    if (name === encoding || (encoding === 'gzip' && name === 'x-gzip')) return value
    if (name === '*') wildcard = value
  }
  return wildcard
}

/**
 * Whether a conditional request can be answered with 304 Not Modified: by `If-None-Match`, else (RFC 9110, 13.1.3)
 * by an `If-Modified-Since` no earlier than our `Last-Modified` (a browser sends back the date we sent).
 */
export function isNotModified(
  file: StaticFile,
  ifNoneMatch: string | null | undefined,
  ifModifiedSince?: string | null,
): boolean {
  if (!ifNoneMatch) {
    const since = ifModifiedSince ? Date.parse(ifModifiedSince) : Number.NaN
    return !Number.isNaN(since) && Date.parse(file.headers['Last-Modified']!) <= since
  }
  if (ifNoneMatch === '*') return true
  // Weak comparison (RFC 9110, 13.1.2): `"1-2"` matches our `W/"1-2"`; some proxies strip the `W/`.
  const etag = file.etag.startsWith('W/') ? file.etag.slice(2) : file.etag
  return ifNoneMatch.split(',').some((tag) => {
    const trimmed = tag.trim()
    return (trimmed.startsWith('W/') ? trimmed.slice(2) : trimmed) === etag
  })
}

/**
 * The byte range a GET asks for (RFC 9110, 14): `{ start, end }` (inclusive), `'unsatisfiable'` (answer 416), or
 * `null` to send the whole file: no `Range`, several ranges, a syntax we do not know, or an `If-Range` that no
 * longer matches (the file changed since the client got its first part).
 */
export function byteRange(
  file: StaticFile,
  range: string | null | undefined,
  ifRange: string | null | undefined,
): { start: number; end: number } | 'unsatisfiable' | null {
  if (!range) return null
  if (ifRange && ifRange !== file.etag && ifRange !== file.headers['Last-Modified']) return null
  const match = /^bytes=\s*(\d*)-(\d*)\s*$/.exec(range)
  if (!match || (match[1] === '' && match[2] === '')) return null
  const { size } = file
  let start: number
  let end: number
  if (match[1] === '') {
    // `bytes=-500`: the last 500 bytes.
    const suffix = Number(match[2])
    if (suffix === 0) return 'unsatisfiable'
    start = Math.max(0, size - suffix)
    end = size - 1
  } else {
    start = Number(match[1])
    end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1)
    if (Number(match[2]) < start && match[2] !== '') return null // `bytes=5-2` is invalid: ignored
  }
  if (start >= size) return 'unsatisfiable'
  return { start, end }
}

/**
 * Every file below `dir`, skipping dotfiles and dot-folders (e.g. Vite's `.vite/manifest.json`, `public/.env`),
 * except the top-level `.well-known/` (security.txt, ACME challenges, assetlinks), whose own dotfiles stay hidden.
 */
function listFiles(dir: string, top = true): string[] {
  const out: string[] = []
  let entries: import('node:fs').Dirent[]
  try {
    entries = readdirSync(dir, { withFileTypes: true })
  } catch {
    return out
  }
  for (const entry of entries) {
    if (entry.name.startsWith('.') && !(top && entry.name === '.well-known' && entry.isDirectory())) continue
    const path = join(dir, entry.name)
    if (entry.isDirectory()) out.push(...listFiles(path, false))
    else if (entry.isFile()) out.push(path)
  }
  return out
}
