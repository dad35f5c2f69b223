import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import { createPlugin } from '../../plugin/create-plugin.js'

const COMPRESSIBLE = /\.(?:js|mjs|css|html|svg|json|txt|xml|map|wasm|webmanifest|ico)$/
const MIN_SIZE = 1024
/**
 * Brotli quality 6, not the maximum 11. What counts is the cost in a fresh process, which `vike build` is: brotli's
 * first calls are far slower than the same calls repeated (measured earlier, repeated: quality 8 in 12 ms). On the
 * benchmark app's client build (6 files of 1 KB or more, 311 KB, React's 224 KB chunk among them), one fresh process
 * each: quality 9 took 273 ms for 90,940 B, 8 took 133 ms for 91,156 B, 7 88 ms for 91,303 B, 6 33 ms for 91,814 B
 * (0.7% more than 8), 5 23 ms for 92,544 B. Quality 6 still beats gzip -9 (97,030 B, 11 ms) by 5%.
 */
const BROTLI_QUALITY = 6

/**
 * After the client build, writes `.br` and `.gz` next to each compressible file so that the Node server sends
 * compressed static files without compressing them on every request.
 *
 * Synchronously, on purpose: zlib's async functions, started here to overlap the server build, hand every 16 KB of
 * output back to the main thread and hold libuv's threads, which the server build's file reads wait for. On 2 cores
 * the bench app's server build then took 90 ms instead of 33 ms.
 */
export const precompressPlugin = createPlugin('precompress', (ctx) => ({
  apply: 'build',
  applyToEnvironment: (env) => env.name === 'client',
  writeBundle(options) {
    if (!ctx.settings.compress || !ctx.target.capabilities.precompress || !options.dir) return
    precompressDir(options.dir)
  },
}))

/** Writes the variants of `dir`'s compressible files. */
function precompressDir(dir: string): void {
  for (const file of listFiles(dir)) {
    if (!COMPRESSIBLE.test(file)) continue
    const content = readFileSync(file)
    if (content.length < MIN_SIZE) continue
    const br = brotliCompressSync(content, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
      },
    })
    const gzipped = gzipSync(content, { level: 9 })
    // A variant that saves nothing is not worth a second file.
    if (br.length < content.length) writeFileSync(`${file}.br`, br)
    if (gzipped.length < content.length) writeFileSync(`${file}.gz`, gzipped)
  }
}

/** Files that can be served: not dotfiles, not inside dot-folders (Vite's `.vite/manifest.json` is never served). */
function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .filter(
      (file) =>
        !relative(dir, file)
          .split(sep)
          .some((part) => part.startsWith('.')),
    )
}
