import { createHash } from 'node:crypto'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

/** e2e/migrate/ */
export const migrateDir = resolve(dirname(fileURLToPath(import.meta.url)), '..')
/** The before apps, one folder each: e2e/migrate/apps/<name>/ */
export const appsDir = join(migrateDir, 'apps')
export const workspaceRoot = resolve(migrateDir, '..', '..')
/** The vike-photon package under test (E2E_VIKE_PHOTON_DIR points the suite at another build of it). */
export const vikePhotonDir = process.env.E2E_VIKE_PHOTON_DIR
  ? resolve(process.env.E2E_VIKE_PHOTON_DIR)
  : join(workspaceRoot, 'packages', 'vike-photon')

/**
 * Where the apps are copied, installed and built: outside the workspace, so that pnpm never mistakes them for
 * workspace members. One folder per checkout (two worktrees can run the suite at once), reused and wiped per run.
 */
export const scratchRoot = join(
  tmpdir(),
  `vike-photon-migrate-e2e-${createHash('sha1').update(workspaceRoot).digest('hex').slice(0, 8)}`,
)
