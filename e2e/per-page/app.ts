import { mkdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { writePerPageApp } from '@vike-photon/test-kit/per-page-app'
import { run } from '@vike-photon/test-kit/process'

// The generated per-page app (packages/test-kit/src/per-page-app.ts), built inside packages/vike-photon
// so that it resolves vike, hono and vike-photon as an installed app would.

const packageDir = fileURLToPath(new URL('../../packages/vike-photon/', import.meta.url))
const vikeBin = join(packageDir, 'node_modules/.bin/vike')

export async function buildPerPageApp(target: 'node' | 'vercel', pages: number): Promise<string> {
  const root = join(packageDir, '.e2e-tmp', `per-page-${target}`)
  rmSync(root, { recursive: true, force: true })
  mkdirSync(root, { recursive: true })
  writePerPageApp(root, { pages, target })
  const env = target === 'vercel' ? { VERCEL: '1' } : {}
  const build = () => run(vikeBin, ['build'], { cwd: root, env, timeoutMs: 180_000, allowFailure: true })
  let result = await build()
  // A failed Vercel server build surfaces as ".vercel/output/_tmp/… not found"; its usual cause is guarded against
  // (packages/vike-photon/src/plugin/photon-meta-guard-plugin.ts), a rare one gets one retry.
  if (result.code !== 0 && result.output.includes('.vercel/output/_tmp')) result = await build()
  if (result.code !== 0) throw new Error(`vike build failed in ${root}:\n${result.output}`)
  return root
}
