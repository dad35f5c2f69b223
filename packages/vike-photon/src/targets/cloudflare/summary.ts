import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { builtFor, dirSize, formatSize, type SummaryInput, show } from '../../plugin/build-summary.js'
import type { PrerenderedReport } from '../../plugin/prerender-report-plugin.js'

/** The Cloudflare build: the Worker (with its gzipped size, what Cloudflare's limit counts) and its wrangler config. */
export function cloudflareSummary(input: SummaryInput): string[] {
  return [builtFor(input, { withServer: true }), ...cloudflareLines(input)]
}

function cloudflareLines({ root, serverDir, prerendered }: SummaryInput): string[] {
  const worker = join(serverDir, 'index.mjs')
  const wrangler = join(serverDir, 'wrangler.json')
  const lines: string[] = []
  if (existsSync(worker)) {
    const size = dirSize(serverDir, (file) => /\.(m?js|wasm)$/.test(file))
    const gzip = gzipSize(serverDir)
    lines.push(`  Worker: ${show(root, worker)} (${formatSize(size)}, ${formatSize(gzip)} gzipped)`)
  }
  if (existsSync(wrangler)) lines.push(`  Config: ${show(root, wrangler)}`)
  if (prerendered) lines.push(`  ${prerendered}`)
  lines.push('  Next: `vike preview` to try it in workerd, then `wrangler deploy` to deploy it.')
  return lines
}

/** The Worker's code gzipped: what Cloudflare's size limit counts. */
function gzipSize(dir: string): number {
  let total = 0
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && /\.(m?js|wasm)$/.test(entry.name))
      total += gzipSync(readFileSync(join(entry.parentPath, entry.name))).length
  }
  return total
}

/** A fully pre-rendered Cloudflare build: still a Worker, whose assets are the pages. */
export function cloudflarePrerendered({
  intro,
  clientDir,
  serverDir,
  serverKept,
  hasOwnServer,
}: PrerenderedReport): string {
  return serverKept
    ? `${intro} Deployed as a Worker with static assets: ${serverDir}/wrangler.json serves ${clientDir}/ as assets and runs ` +
        `${serverDir}/index.mjs for what is not a file (${hasOwnServer ? "your server's routes, " : ''}the 404 page). ` +
        '`vike preview` and `wrangler deploy` use it.'
    : `${intro} ${serverDir}/ was removed (\`prerender.keepDistServer: false\`), and with it the Worker and its wrangler.json: ` +
        'remove that setting to deploy with `wrangler deploy`, or upload ' +
        `${clientDir}/ as a static site.`
}
