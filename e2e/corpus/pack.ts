import { mkdir, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { run } from '@vike-photon/test-kit/process'
import { pnpmBin, vikePhotonDir, workspaceRoot } from './paths'

/**
 * Builds the workspace (the CLI and the extension come from the same build) and packs packages/vike-photon once:
 * `pnpm pack` resolves its `catalog:` versions, so every app installs it as it would install the npm release.
 */
export async function buildAndPack(dest: string): Promise<string> {
  await run(pnpmBin, ['run', 'build'], { cwd: workspaceRoot, timeoutMs: 600_000 })
  await mkdir(dest, { recursive: true })
  await run(pnpmBin, ['pack', '--pack-destination', dest], { cwd: vikePhotonDir, timeoutMs: 120_000 })
  const tarball = (await readdir(dest)).find((f) => f.endsWith('.tgz'))
  if (!tarball) throw new Error(`pnpm pack wrote no tarball into ${dest}`)
  return join(dest, tarball)
}
