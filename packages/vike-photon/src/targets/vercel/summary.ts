import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { builtFor, dirSize, formatSize, readJsonOr, type SummaryInput, show } from '../../plugin/build-summary.js'

/** The Vercel build: each function with its runtime, size and routes. The server framework is not named: every function has its own. */
export function vercelSummary(input: SummaryInput): string[] {
  return [builtFor(input, { withServer: false }), ...vercelLines(input)]
}

interface VercelRoute {
  src?: string
  dest?: string
}

function vercelLines({ root, prerendered }: SummaryInput): string[] {
  const output = join(root, '.vercel/output')
  const functionsDir = join(output, 'functions')
  if (!existsSync(functionsDir)) return []
  let routes: VercelRoute[] = []
  try {
    routes = (JSON.parse(readFileSync(join(output, 'config.json'), 'utf8')) as { routes?: VercelRoute[] }).routes ?? []
  } catch {}
  const lines = [`  Functions (${show(root, functionsDir)}/):`]
  for (const dir of listFunctionDirs(functionsDir)) {
    const name = dir.slice(0, -'.func'.length)
    const config = readJsonOr<{ runtime?: string }>(join(functionsDir, dir, '.vc-config.json'), {})
    const served = routes
      .filter((route) => route.src && route.dest && route.dest.split('?')[0] === `/${name}`)
      .map((route) => route.src)
    const routesShown = served.length > 0 ? served.join(' ') : `/${name}`
    lines.push(
      `    ${name}  ${config.runtime ?? 'unknown runtime'}  ${formatSize(dirSize(join(functionsDir, dir)))}  ${routesShown}`,
    )
  }
  if (prerendered) lines.push(`  ${prerendered}`)
  lines.push('  Next: `vercel deploy --prebuilt` uploads .vercel/output (or push to a Vercel-linked repository).')
  return lines
}

function listFunctionDirs(functionsDir: string): string[] {
  return readdirSync(functionsDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name.endsWith('.func'))
    .map((entry) => relative(functionsDir, join(entry.parentPath, entry.name)).split('\\').join('/'))
    .sort()
}
