import { readdir, readFile, stat, writeFile } from 'node:fs/promises'
import { join, relative, sep } from 'node:path'
import { promisify } from 'node:util'
import { brotliCompress, constants, gzip } from 'node:zlib'
import { createPlugin } from '../../plugin/create-plugin.js'

const COMPRESSIBLE = /\.(?:js|mjs|css|html|svg|json|txt|xml|map|wasm|webmanifest|ico)$/
const MIN_SIZE = 1024
/**
 * Brotli quality 8, not the maximum 11: on the benchmark app's client build (6 files of 1 KB or more, 311 KB,
 * React's 224 KB chunk among them), one process, best of 4: quality 11 took 540 ms for 84.6 KB, 9 took 56 ms for
 * 90,940 B, 8 takes 12 ms for 91,156 B (0.2% more bytes for a fifth of the CPU), 5 takes 8 ms for 92,544 B. Quality
 * 8 still beats gzip -9 (97,030 B) by 6%. Every `vike build` pays this CPU, alongside the server build.
 */
const BROTLI_QUALITY = 8
const brotli = promisify(brotliCompress)
const gz = promisify(gzip)

/**
 * After the client build, writes `.br` and `.gz` next to each compressible file so that the Node server sends
 * compressed static files without compressing them on every request. zlib works on libuv's threads: started as
 * soon as the client's files are written, it runs while the server build goes on, and the build summary waits for
 * it (build-summary-plugin.ts). Awaited here, it added its whole time (about 0.1 s) to `vike build`.
 */
export const precompressPlugin = createPlugin('precompress', (ctx) => ({
  apply: 'build',
  applyToEnvironment: (env) => env.name === 'client',
  writeBundle(options) {
    if (!ctx.settings.compress || !ctx.target.capabilities.precompress || !options.dir) return
    ctx.inBackground(precompressDir(options.dir))
  },
}))

export async function precompressDir(dir: string): Promise<number> {
  const files = await listFiles(dir)
  const work = files.filter((file) => COMPRESSIBLE.test(file))
  let written = 0
  await Promise.all(
    work.map(async (file) => {
      if ((await stat(file)).size < MIN_SIZE) return
      const content = await readFile(file)
      const [br, gzipped] = await Promise.all([
        brotli(content, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
            [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
          },
        }),
        gz(content, { level: 9 }),
      ])
      // A variant that saves nothing is not worth a second file.
      if (br.length < content.length) await writeFile(`${file}.br`, br)
      if (gzipped.length < content.length) await writeFile(`${file}.gz`, gzipped)
      written++
    }),
  )
  return written
}

/** Files that can be served: not dotfiles, not inside dot-folders (Vite's `.vite/manifest.json` is never served). */
async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true })
  return entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .filter(
      (file) =>
        !relative(dir, file)
          .split(sep)
          .some((part) => part.startsWith('.')),
    )
}
