import { join } from 'node:path'
import { CLOUDFLARE_COMPATIBILITY_DATE, CLOUDFLARE_MINIMUM_DATES, PHOTON_WORKER_MAIN } from '../../facts.js'
import type { Project } from '../types.js'

export { PHOTON_WORKER_MAIN }

// The wrangler config as far as vike-photon needs it: where it is, its `main`, its compatibility date and flags.
// The Cloudflare Vite plugin reads the full file; this only checks the settings a Photon Worker depends on.

/** Looked up in the project root in this order, as the Cloudflare Vite plugin does. */
export const WRANGLER_CONFIG_FILES = ['wrangler.jsonc', 'wrangler.json', 'wrangler.toml'] as const

export interface WranglerConfigFacts {
  /** File name relative to the root, e.g. `wrangler.toml`. */
  file: string
  main: string | undefined
  compatibilityDate: string | undefined
  compatibilityFlags: string[]
}

export function findWranglerConfig(project: Project): string | null {
  return WRANGLER_CONFIG_FILES.find((file) => project.fileExists(join(project.root, file))) ?? null
}

export function readWranglerConfig(project: Project, file: string): WranglerConfigFacts {
  const text = project.readFile(join(project.root, file))
  const values = file.endsWith('.toml') ? readTomlTopLevel(text) : parseJsonc(text)
  const flags = values.compatibility_flags
  return {
    file,
    main: typeof values.main === 'string' ? values.main : undefined,
    compatibilityDate: typeof values.compatibility_date === 'string' ? values.compatibility_date : undefined,
    compatibilityFlags: Array.isArray(flags) ? flags.filter((f): f is string => typeof f === 'string') : [],
  }
}

/** What a wrangler config lacks for vike-photon, as messages naming the file, the setting and the line to add. */
export function checkWranglerConfig(project: Project): string[] {
  const file = findWranglerConfig(project)
  if (!file) {
    return [
      'No wrangler config found in the project root (looked for wrangler.jsonc, wrangler.json, wrangler.toml). ' +
        'Create wrangler.toml with:\n' +
        `      name = "my-app"\n      main = "${PHOTON_WORKER_MAIN}"\n` +
        `      compatibility_date = "${CLOUDFLARE_COMPATIBILITY_DATE}"\n      compatibility_flags = ["nodejs_compat"]`,
    ]
  }
  let config: WranglerConfigFacts
  try {
    config = readWranglerConfig(project, file)
  } catch (error) {
    return [`${file} could not be read: ${(error as Error).message}. Fix its syntax (wrangler reads it too).`]
  }
  const toml = file.endsWith('.toml')
  const problems: string[] = []
  if (config.main !== PHOTON_WORKER_MAIN) {
    const found = config.main === undefined ? 'is not set' : `is "${config.main}"`
    problems.push(
      `\`main\` in ${file} ${found}: Photon generates the Worker entry, which wraps your server. ` +
        `Set ${toml ? `main = "${PHOTON_WORKER_MAIN}"` : `"main": "${PHOTON_WORKER_MAIN}"`}.`,
    )
  }
  if (!config.compatibilityFlags.some((flag) => flag === 'nodejs_compat' || flag === 'nodejs_compat_v2')) {
    problems.push(
      `\`compatibility_flags\` in ${file} lacks "nodejs_compat": Vike and Photon use Node APIs such as AsyncLocalStorage. ` +
        `Add ${toml ? 'compatibility_flags = ["nodejs_compat"]' : '"compatibility_flags": ["nodejs_compat"]'}.`,
    )
  }
  const minimum = CLOUDFLARE_MINIMUM_DATES.nodejsCompat
  if (config.compatibilityDate && config.compatibilityDate < minimum) {
    problems.push(
      `\`compatibility_date\` in ${file} is "${config.compatibilityDate}": before ${minimum}, "nodejs_compat" is the v1 mode that wrangler 4 refuses. ` +
        `Set ${toml ? `compatibility_date = "${CLOUDFLARE_COMPATIBILITY_DATE}"` : `"compatibility_date": "${CLOUDFLARE_COMPATIBILITY_DATE}"`} (or at least ${minimum}).`,
    )
  }
  return problems
}

/** Top-level `key = value` pairs of a TOML file (before the first table), for string and string-array values. */
function readTomlTopLevel(text: string): Record<string, unknown> {
  const values: Record<string, unknown> = {}
  // Arrays may span lines: join them before reading line by line.
  const lines = stripTomlComments(text).replace(/\[[^\]=]*\]/g, (array) => array.replace(/\n/g, ' '))
  for (const line of lines.split('\n')) {
    const trimmed = line.trim()
    if (trimmed.startsWith('[')) break
    const match = /^([A-Za-z0-9_-]+)\s*=\s*(.+)$/.exec(trimmed)
    if (!match) continue
    const [, key, raw] = match as unknown as [string, string, string]
    if (raw.startsWith('[')) {
      values[key] = [...raw.matchAll(/"([^"]*)"|'([^']*)'/g)].map((m) => m[1] ?? m[2])
    } else {
      const string = /^"([^"]*)"|^'([^']*)'/.exec(raw)
      values[key] = string ? (string[1] ?? string[2]) : raw
    }
  }
  return values
}

function stripTomlComments(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      let quote: string | null = null
      for (let i = 0; i < line.length; i++) {
        const char = line[i]
        if (quote) {
          if (char === quote) quote = null
        } else if (char === '"' || char === "'") {
          quote = char
        } else if (char === '#') {
          return line.slice(0, i)
        }
      }
      return line
    })
    .join('\n')
}

/** JSON with comments and trailing commas, as wrangler.jsonc allows. */
function parseJsonc(text: string): Record<string, unknown> {
  let out = ''
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!
    if (inString) {
      out += char
      if (char === '\\') out += text[++i] ?? ''
      else if (char === '"') inString = false
    } else if (char === '"') {
      inString = true
      out += char
    } else if (char === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++
      out += '\n'
    } else if (char === '/' && text[i + 1] === '*') {
      i = text.indexOf('*/', i + 2)
      if (i === -1) break
      i++
    } else {
      out += char
    }
  }
  const parsed: unknown = JSON.parse(out.replace(/,(\s*[}\]])/g, '$1'))
  return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {}
}
