import { existsSync } from 'node:fs'
import { join } from 'node:path'
import {
  builtFor,
  dirSize,
  fileSize,
  formatSize,
  readJsonOr,
  type SummaryInput,
  show,
} from '../../plugin/build-summary.js'
import type { PrerenderedReport } from '../../plugin/prerender-report-plugin.js'

/** The Node build: the server (with its size), its per-page units, and how to start it. */
export function nodeSummary(input: SummaryInput): string[] {
  return [builtFor(input, { withServer: true }), ...nodeLines(input)]
}

function nodeLines({ root, serverDir, prerendered }: SummaryInput): string[] {
  const entry = join(serverDir, 'index.mjs')
  if (!existsSync(entry)) return prerendered ? [`  ${prerendered}`] : []
  const shown = show(root, entry)
  const lines = [`  Server: ${shown} (${formatSize(dirSize(serverDir))} with its chunks)`]
  const units = readUnitsManifest(serverDir)
  if (units.length > 0) {
    lines.push(`  Per-page units (${show(root, join(serverDir, 'units'))}/):`)
    for (const unit of units) {
      const file = join(serverDir, 'units', unit.file)
      lines.push(`    ${unit.route}  ${unit.file.replace(/^\.\//, '')}  ${formatSize(fileSize(file))}`)
    }
  }
  if (prerendered) lines.push(`  ${prerendered}`)
  lines.push(`  Next: \`node ${shown}\` starts it (or \`vike preview\`).`)
  return lines
}

function readUnitsManifest(serverDir: string): { route: string; file: string }[] {
  return readJsonOr(join(serverDir, 'units', 'manifest.json'), [])
}

/** A fully pre-rendered Node build: static files, and the server only when the app has routes of its own. */
export function nodePrerendered({ intro, clientDir, serverDir, serverKept, hasOwnServer }: PrerenderedReport): string {
  if (!serverKept) {
    return (
      `${intro} The app is static: ${serverDir}/ was removed (\`prerender.keepDistServer: false\`), so there is no Node server to start. ` +
      `Deploy ${clientDir}/ to any static host, or try it locally with \`npx serve ${clientDir}\`.`
    )
  }
  return hasOwnServer
    ? `${intro} Your server still runs the app's own routes: start it with \`node ${serverDir}/index.mjs\`.`
    : `${intro} The app is static: deploy ${clientDir}/ to any static host (e.g. \`npx serve ${clientDir}\`), ` +
        `or serve it with \`node ${serverDir}/index.mjs\`.`
}
