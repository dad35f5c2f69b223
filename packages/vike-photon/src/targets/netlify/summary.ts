import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { builtFor, formatSize, type SummaryInput } from '../../plugin/build-summary.js'
import { NETLIFY_FUNCTIONS_DIR } from './functions.js'

// The Netlify lines of the build summary (plugin/build-summary.ts): each function vike-photon wrote, the paths it
// serves and the size of the code it runs, read back from disk.

const IMPORT_SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(?\s*)(["'])(\.{1,2}\/[^"']+)\1/g

/**
 * The files of the build a module runs: itself and every file it imports by a relative path, statically or lazily.
 * Packages from node_modules are left out (Netlify's build adds them when it bundles the function).
 */
export function traceFiles(entry: string): string[] {
  const seen = new Set<string>()
  const visit = (file: string) => {
    if (seen.has(file) || !existsSync(file)) return
    seen.add(file)
    for (const match of readFileSync(file, 'utf8').matchAll(IMPORT_SPECIFIER)) {
      visit(resolve(dirname(file), match[2] as string))
    }
  }
  visit(entry)
  return [...seen]
}

export interface NetlifyFunctionSummary {
  name: string
  paths: string[]
  /** Bytes of the build's own files the function runs (its module excluded). */
  size: number
  /** The server bundle the function imports. */
  handler: string
}

/** Reads the functions vike-photon wrote in `.netlify/v1/functions` (other functions there are left out). */
export function readNetlifyFunctions(root: string): NetlifyFunctionSummary[] {
  const dir = join(root, NETLIFY_FUNCTIONS_DIR)
  if (!existsSync(dir)) return []
  return readdirSync(dir)
    .filter((file) => file.startsWith('vike-photon-') && file.endsWith('.mjs'))
    .sort((a, b) => (a === 'vike-photon-server.mjs' ? -1 : b === 'vike-photon-server.mjs' ? 1 : a.localeCompare(b)))
    .map((file) => {
      const code = readFileSync(join(dir, file), 'utf8')
      const handler = resolve(dir, /^import server from "([^"]+)"/m.exec(code)?.[1] ?? '')
      const paths = (JSON.parse(/export const config = (\{[\s\S]*\})/.exec(code)?.[1] ?? '{}') as { path?: string[] })
        .path
      const files = traceFiles(handler)
      return {
        name: file.slice(0, -'.mjs'.length),
        paths: paths ?? [],
        size: files.reduce((total, f) => total + statSync(f).size, 0),
        handler: relative(root, handler).split('\\').join('/'),
      }
    })
}

/** The Netlify build: each function with its size and paths, the publish directory and the deploy command. */
export function netlifySummary(input: SummaryInput): string[] {
  return [builtFor(input, { withServer: true }), ...netlifySummaryLines(input)]
}

function netlifySummaryLines({ root, clientDir, prerendered }: SummaryInput): string[] {
  const functions = readNetlifyFunctions(root)
  const lines: string[] = []
  if (functions.length > 0) {
    lines.push(`  Functions (${NETLIFY_FUNCTIONS_DIR}/):`)
    for (const fn of functions) {
      lines.push(`    ${fn.name}  ${formatSize(fn.size)}  ${fn.paths.join(' ')}  (runs ${fn.handler})`)
    }
  }
  lines.push(`  Static files: ${relative(root, clientDir).split('\\').join('/')}/ (the publish directory)`)
  if (prerendered) lines.push(`  ${prerendered}`)
  lines.push('  Next: `netlify deploy --build` (or push to a Netlify-linked repository).')
  return lines
}
