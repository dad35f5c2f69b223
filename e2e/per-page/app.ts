import { spawnSync } from 'node:child_process'
import { mkdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { writePerPageApp } from '../../packages/vike-photon/test/helpers/per-page-app.js'

// The generated per-page app (packages/vike-photon/test/helpers/per-page-app.ts), built inside packages/vike-photon
// so that it resolves vike, hono and vike-photon as an installed app would.

const packageDir = fileURLToPath(new URL('../../packages/vike-photon/', import.meta.url))
const vikeBin = join(packageDir, 'node_modules/.bin/vike')

/** The environment of the test runner, minus the module loader Playwright installs for its own workers. */
export function cleanEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra }
  delete env.NODE_OPTIONS
  delete env.NODE_ENV
  for (const key of Object.keys(env)) if (key.startsWith('PW_') || key.startsWith('PLAYWRIGHT_')) delete env[key]
  return env
}

export function buildPerPageApp(target: 'node' | 'vercel', pages: number): string {
  const root = join(packageDir, '.e2e-tmp', `per-page-${target}`)
  rmSync(root, { recursive: true, force: true })
  mkdirSync(root, { recursive: true })
  writePerPageApp(root, { pages, target })
  const build = () =>
    spawnSync(vikeBin, ['build'], {
      cwd: root,
      env: cleanEnv(target === 'vercel' ? { VERCEL: '1' } : {}),
      encoding: 'utf8',
      timeout: 180_000,
    })
  let result = build()
  // A failed Vercel server build surfaces as ".vercel/output/_tmp/… not found"; its usual cause is guarded against
  // (packages/vike-photon/src/plugin/photon-meta-guard-plugin.ts), a rare one gets one retry.
  if (result.status !== 0 && result.stdout.includes('.vercel/output/_tmp')) result = build()
  if (result.status !== 0) throw new Error(`vike build failed in ${root}:\n${result.stdout}\n${result.stderr}`)
  return root
}
