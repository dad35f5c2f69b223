import { execFileSync, spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

// Runs the real `vike-photon migrate` (its TypeScript source, through tsx) on temporary app folders.
const here = dirname(fileURLToPath(import.meta.url))
export const cli = join(here, '../../packages/vike-photon/src/cli/index.ts')
export const tsx = fileURLToPath(import.meta.resolve('tsx'))
export const vikePhotonVersion: string = JSON.parse(
  readFileSync(join(here, '../../packages/vike-photon/package.json'), 'utf8'),
).version

const dirs: string[] = []

/** Removes every folder `app()` made; call it from `afterEach`. */
export function removeApps(): void {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
}

/** A temporary app folder with these files, committed to a fresh git repo unless `git: false`. */
export function app(files: Record<string, string>, { git = true, prefix = 'vike-photon-migrate-' } = {}): string {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  dirs.push(dir)
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true })
    writeFileSync(join(dir, name), content)
  }
  if (git) {
    const g = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'ignore' })
    g('init', '-q')
    g('add', '-A')
    g('-c', 'user.email=test@example.com', '-c', 'user.name=test', 'commit', '-qm', 'before')
  }
  return dir
}

/** `vike-photon migrate <dir> ...args`, with its exit code and output. */
export function migrate(dir: string, ...args: string[]) {
  return migrateWith({}, dir, ...args)
}

/** `migrate` with extra environment variables (test hooks); `signal` is set when the process was killed. */
export function migrateWith(env: Record<string, string>, ...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', tsx, cli, 'migrate', ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  })
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr }
}

/** `vike-photon ...args` (any command), with its exit code and output. */
export function vikePhoton(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', tsx, cli, ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

/** The server entry of `vikeServerApp`. */
export const vikeServerEntry = `import { Hono } from 'hono'\nimport { apply } from 'vike-server/hono'\nimport { serve } from 'vike-server/hono/serve'\n\nfunction startServer() {\n  const app = new Hono()\n  apply(app)\n  return serve(app, { port: 3000 })\n}\n\nstartServer()\n`

/** A small vike-server + Hono app, as the tests migrate it. */
export const vikeServerApp = {
  'package.json': `${JSON.stringify(
    {
      name: 'before',
      type: 'module',
      scripts: { dev: 'vite', build: 'vite build', prod: 'NODE_ENV=production node dist/server/index.js' },
      dependencies: { hono: '^4.7.0', vike: '^0.4.250', 'vike-server': '^1.0.25', vite: '^7.1.0' },
    },
    null,
    2,
  )}\n`,
  'pnpm-lock.yaml': "lockfileVersion: '9.0'\n",
  'pages/+config.ts': `import vikeServer from 'vike-server/config'\n\nexport default {\n  extends: [vikeServer],\n  server: 'server/index.ts',\n}\n`,
  'pages/index/+Page.ts': 'export default function Page() {\n  return "hi"\n}\n',
  'server/index.ts': vikeServerEntry,
  'node_modules/vike-server/package.json': '{ "name": "vike-server", "version": "1.0.25" }',
}
