import type { MigrationInput, MigrationTarget } from '../../registry.js'
import { isPagesFunction, resolveModule } from './leftovers.js'

const js = /\.[cm]?[jt]sx?$/
/** A file that may hold a Hono entry rendering the pages, or hono/vercel exports. */
const entryText = /vikeHandler|renderPage|hono\/vercel|new Hono\b/
const relativeImport = /\bfrom\s*['"](\.[^'"]+)['"]/g

/**
 * The files the bati-entry transform looks at, entries first: the modules they import come after them, so the
 * transform knows which ones an entry stopped importing (Bati's `vike-handler`), and so do Cloudflare Pages
 * Functions (`functions/**`) of a vike-cloudflare 0.1 app.
 */
export function batiEntryTargets(input: MigrationInput): MigrationTarget[] {
  const { project } = input
  const sources = project.files.filter((f) => js.test(f) && !f.includes('node_modules/'))
  const entries = sources.filter((f) => /new Hono\b/.test(project.read(f) ?? ''))
  const others = sources.filter((f) => !entries.includes(f) && entryText.test(project.read(f) ?? ''))
  const byModule = new Map(sources.map((f) => [f.replace(js, ''), f]))
  const imported = entries.flatMap((entry) =>
    [...(project.read(entry) ?? '').matchAll(relativeImport)].flatMap((m) => {
      const module = resolveModule(entry, m[1]!)
      const file = module && (byModule.get(module) ?? byModule.get(`${module}/index`))
      return file ? [file] : []
    }),
  )
  const pagesFunctions = input.sources.has('vike-cloudflare-pages') ? sources.filter(isPagesFunction) : []
  return [...new Set([...entries, ...others, ...imported, ...pagesFunctions])].map((file) => ({ file }))
}
