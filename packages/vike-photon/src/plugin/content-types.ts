import { readdirSync } from 'node:fs'
import { extname, join } from 'node:path'
import { lookup } from 'mrmime'

// The Node launcher answers static files from an index made at start-up and needs each file's Content-Type.
// A whole MIME table (mrmime's, 13 KB) in every server build cost more bytes than the rest of the static file
// handling, while a build only ever serves the few extensions its client build holds: those are looked up here,
// at build time, and only they go into the server build (virtual:vike-photon:runtime-settings).

/** Always included: pre-rendered pages are written after the server build reads the client folder. */
const ALWAYS = ['html', 'htm', 'js', 'mjs', 'css', 'json', 'txt', 'xml', 'svg', 'ico', 'webmanifest']

/** `{ extension: type }` for the files of the client build in `dir` (lower-case extensions, without the dot). */
export function contentTypesOf(dir: string): Record<string, string> {
  const extensions = new Set(ALWAYS)
  try {
    const entries = readdirSync(dir, { withFileTypes: true, recursive: true }).filter((entry) => entry.isFile())
    const files = new Set(entries.map((entry) => join(entry.parentPath, entry.name)))
    for (const entry of entries) {
      // Precompressed variants (precompress-plugin.ts) are served as their original's type: whether they are there
      // (`compress: false`, a build that reuses an old dist/client) must not change the server build.
      const file = join(entry.parentPath, entry.name)
      if (/\.(?:br|gz)$/.test(file) && files.has(file.slice(0, -3))) continue
      extensions.add(extname(entry.name).slice(1).toLowerCase())
    }
  } catch {
    // No client build (yet): the common types only.
  }
  const types: Record<string, string> = {}
  for (const extension of [...extensions].sort()) {
    const type = extension && lookup(extension)
    if (type) types[extension] = type
  }
  return types
}
