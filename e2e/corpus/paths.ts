import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

/** e2e/corpus/ */
export const corpusDir = dirname(fileURLToPath(import.meta.url))
export const workspaceRoot = resolve(corpusDir, '..', '..')
export const vikePhotonDir = join(workspaceRoot, 'packages', 'vike-photon')
/** The CLI as the package ships it (bin/ + dist/, the same files the tarball holds). */
export const cliBin = join(vikePhotonDir, 'bin', 'vike-photon.js')

/** The workspace's pnpm (scripts/setup.sh puts it in .cache/tools), else the one on PATH. */
export const pnpmBin = ((local) => (existsSync(local) ? local : 'pnpm'))(
  join(workspaceRoot, '.cache', 'tools', 'node_modules', '.bin', 'pnpm'),
)
