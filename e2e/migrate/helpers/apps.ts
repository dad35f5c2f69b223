import { existsSync } from 'node:fs'
import { cp, mkdir, readdir, readFile, rm } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { appsDir, scratchRoot, vercelOutputServer } from './paths'
import { freePort, type RunningServer, run, startServer } from './process'

/** How an app is served after its build. */
export type ServeKind =
  /** `pnpm run prod`: the app's own production script, with PORT and HOST set */
  | 'node-prod'
  /** `wrangler pages dev`: Cloudflare Pages output (vike-cloudflare), offline in workerd */
  | 'wrangler-pages-dev'
  /** `vike preview`: Cloudflare Workers through @photonjs/cloudflare (workerd) */
  | 'vike-preview'
  /** .vercel/output served by helpers/vercel-output-server.mjs, functions called in Node */
  | 'vercel-output'

const skipWhenCopying = new Set(['node_modules', 'dist', '.vercel', '.wrangler'])

/** Copies apps/<name> to a fresh scratch folder (outside the workspace) and returns its path. */
export async function copyApp(name: string, phase: 'before' | 'after'): Promise<string> {
  const dir = join(scratchRoot, `${name}-${phase}`)
  await rm(dir, { recursive: true, force: true })
  await mkdir(scratchRoot, { recursive: true })
  const src = join(appsDir, name)
  await cp(src, dir, {
    recursive: true,
    filter: (from) =>
      !relative(src, from)
        .split(/[\\/]/)
        .some((part) => skipWhenCopying.has(part)),
  })
  return dir
}

export async function removeScratch(dir: string) {
  await rm(dir, { recursive: true, force: true })
}

/**
 * `pnpm install` in isolation (`--ignore-workspace`), from the shared store. The before apps install exactly
 * their committed lockfile; a migrated app's lockfile is stale by design, as it is for a user after migrating.
 */
export async function install(dir: string, { frozenLockfile }: { frozenLockfile: boolean }) {
  await run(
    'pnpm',
    [
      'install',
      '--ignore-workspace',
      '--prefer-offline',
      frozenLockfile ? '--frozen-lockfile' : '--no-frozen-lockfile',
      '--reporter=append-only',
    ],
    { cwd: dir, timeoutMs: 180_000, env: { CI: '1' } },
  )
}

export async function build(dir: string) {
  return run('pnpm', ['run', 'build'], { cwd: dir, timeoutMs: 180_000 })
}

/** Serves a built app on 127.0.0.1 at a free port; the caller must `stop()` it. */
export async function serve(dir: string, kind: ServeKind): Promise<RunningServer> {
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const timeoutMs = 60_000
  switch (kind) {
    case 'node-prod':
      return startServer('pnpm', ['run', 'prod'], {
        cwd: dir,
        url,
        timeoutMs,
        env: { PORT: String(port), HOST: '127.0.0.1' },
      })
    case 'wrangler-pages-dev': {
      const inspectorPort = await freePort()
      return startServer(
        'pnpm',
        [
          'exec',
          'wrangler',
          'pages',
          'dev',
          '--ip',
          '127.0.0.1',
          '--port',
          String(port),
          '--inspector-port',
          String(inspectorPort),
        ],
        { cwd: dir, url, timeoutMs },
      )
    }
    case 'vike-preview':
      return startServer('pnpm', ['exec', 'vike', 'preview', '--host', '127.0.0.1', '--port', String(port)], {
        cwd: dir,
        url,
        timeoutMs,
      })
    case 'vercel-output':
      if (!existsSync(join(dir, '.vercel', 'output', 'config.json'))) {
        throw new Error(
          `The build wrote no Vercel output (${join(dir, '.vercel', 'output', 'config.json')} is missing): ` +
            'is a Vercel target (vite-plugin-vercel, or @photonjs/vercel with vike-photon) installed and active?',
        )
      }
      return startServer('node', [vercelOutputServer, join(dir, '.vercel', 'output'), '--port', String(port)], {
        cwd: dir,
        url,
        timeoutMs,
        env: { VERCEL: '1' },
      })
  }
}

/** Every source file of an app (not node_modules, build output or dotfolders), relative paths. */
export async function sourceFiles(dir: string): Promise<string[]> {
  const out: string[] = []
  async function walk(sub: string) {
    for (const entry of await readdir(join(dir, sub), { withFileTypes: true })) {
      if (entry.name.startsWith('.') && entry.isDirectory()) continue
      if (skipWhenCopying.has(entry.name)) continue
      const rel = sub ? `${sub}/${entry.name}` : entry.name
      if (entry.isDirectory()) await walk(rel)
      else out.push(rel)
    }
  }
  await walk('')
  return out.sort()
}

export async function readJson<T = Record<string, unknown>>(file: string): Promise<T> {
  return JSON.parse(await readFile(file, 'utf8')) as T
}
