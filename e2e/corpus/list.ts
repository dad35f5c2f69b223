import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { corpusDir } from './paths'

/** One real public app of the corpus, as e2e/corpus/apps.json lists it. */
export type CorpusApp = {
  /** Short unique name, used by `--only` and in the table. */
  name: string
  /** `owner/name` on GitHub. */
  repo: string
  /** The commit that still has the legacy dependency. */
  commit: string
  /** The legacy package the app is on (vike-server, vike-node, vike-cloudflare, vite-plugin-vercel, vike-photon). */
  source: string
  sourceVersion?: string
  /** react, vue, solid, ... */
  framework: string
  /** hono, express, fastify, h3, elysia, ... or none */
  server?: string
  /** The Vike app's folder inside the repository ('.' for the root). */
  appDir: string
  packageManager: 'npm' | 'pnpm' | 'yarn' | 'bun' | 'deno'
  language?: string
  /** Environment variables the app needs to build and start. */
  env?: Record<string, string>
  /** The app's pages: their URLs (the first one is the index page the runner checks), or how many there are. */
  pages?: string[] | number
  notes?: string
  /** A bare git directory on this machine. Only in uncommitted lists: the committed one finds mirrors by repo. */
  gitDir?: string
}

/** The page the runner checks: the first URL the list gives, else `/`. */
export const indexPath = (app: CorpusApp) => (Array.isArray(app.pages) && app.pages[0]) || '/'

/** Where the committed list lives. `--apps <file>` reads another one (e.g. a local list with `gitDir`s). */
export const defaultAppsFile = join(corpusDir, 'apps.json')

export function loadApps(file: string): CorpusApp[] {
  const apps = JSON.parse(readFileSync(file, 'utf8')) as CorpusApp[]
  const names = new Set<string>()
  for (const app of apps) {
    for (const key of ['name', 'repo', 'commit', 'source', 'appDir'] as const) {
      if (!app[key]) throw new Error(`${file}: the entry ${JSON.stringify(app.name ?? app.repo)} has no \`${key}\`.`)
    }
    if (names.has(app.name)) throw new Error(`${file}: two entries are named ${JSON.stringify(app.name)}.`)
    names.add(app.name)
  }
  return apps
}

export const mirrorVar = 'VIKE_PHOTON_CORPUS_MIRROR'

/**
 * The git directory holding the app's history. A local list may name it (`gitDir`); otherwise it is
 * `$VIKE_PHOTON_CORPUS_MIRROR/<owner>+<name>/repo` (bare) or `.../repo/.git`, the layout of the snapshots that
 * were fetched to assemble the corpus.
 */
export function gitDirOf(app: CorpusApp): string {
  if (app.gitDir) {
    if (!existsSync(app.gitDir)) throw new Error(`${app.name}: its gitDir ${app.gitDir} does not exist.`)
    return app.gitDir
  }
  const mirror = process.env[mirrorVar]
  if (!mirror) {
    throw new Error(
      `${mirrorVar} is not set. Point it at the folder that holds the apps' git mirrors, one per repository ` +
        `named <owner>+<name> (e.g. ${mirrorVar}=~/corpus-mirrors pnpm corpus).`,
    )
  }
  const base = join(resolve(mirror), app.repo.replace('/', '+'))
  const found = [join(base, 'repo', '.git'), join(base, 'repo'), base].find((dir) => existsSync(join(dir, 'HEAD')))
  if (!found) {
    throw new Error(
      `${app.name}: no git mirror of ${app.repo} in ${mirrorVar} (looked for ${join(base, 'repo')}). ` +
        `Clone it there: git clone --bare https://github.com/${app.repo} ${join(base, 'repo')}`,
    )
  }
  return found
}
