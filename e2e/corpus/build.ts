import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { packageManagerCommand } from './install'
import type { CorpusApp } from './list'
import { type AppLog, exec, StepError } from './steps'

// Step "build": the app's own build script when it is a plain `vike build` / `vite build`, else `vike build`
// itself (a script that also type-checks, generates a database client or uploads is not what is tested here).

/** Where the migrated app deploys to, read from the dependencies migrate wrote. */
export type Target = 'node' | 'cloudflare' | 'vercel'

export function targetOf(appDir: string): Target {
  const pkg = JSON.parse(readFileSync(join(appDir, 'package.json'), 'utf8')) as Record<string, object | undefined>
  const deps = { ...pkg.dependencies, ...pkg.devDependencies }
  if ('@photonjs/cloudflare' in deps) return 'cloudflare'
  if ('@photonjs/vercel' in deps) return 'vercel'
  return 'node'
}

const plainBuild = /^(vike|vite) build(\s+--?[\w-]+(=\S+)?)*\s*$/

export async function build(
  log: AppLog,
  app: CorpusApp,
  { repoDir, appDir, installRoot }: { repoDir: string; appDir: string; installRoot: string },
): Promise<{ command: string }> {
  const target = targetOf(appDir)
  const env = { ...app.env, ...(target === 'vercel' ? { VERCEL: '1' } : {}) }
  const script = (
    JSON.parse(readFileSync(join(appDir, 'package.json'), 'utf8')) as { scripts?: Record<string, string> }
  ).scripts?.build
  if (script && plainBuild.test(script.trim())) {
    const pm = packageManagerCommand(app.packageManager, installRoot)
    await exec(log, pm.cmd, [...pm.args, 'run', 'build'], {
      cwd: appDir,
      timeoutMs: 600_000,
      env: { ...env, ...pm.env },
    })
    return { command: `run build (${script.trim()})` }
  }
  await exec(log, binPath(repoDir, appDir, 'vike'), ['build'], { cwd: appDir, timeoutMs: 600_000, env })
  return { command: 'vike build' }
}

/** A package's binary, looked up as npx does: node_modules/.bin from the app folder up to the repository root. */
export function binPath(repoDir: string, appDir: string, name: string): string {
  for (let dir = appDir; !relative(repoDir, dir).startsWith('..'); dir = dirname(dir)) {
    const bin = join(dir, 'node_modules', '.bin', name)
    if (existsSync(bin)) return bin
    if (dir === repoDir) break
  }
  throw new StepError(`${name} is not installed (no node_modules/.bin/${name} from the app folder up)`)
}
