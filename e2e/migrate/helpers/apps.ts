import { existsSync } from 'node:fs'
import { cp, mkdir, readdir, readFile, rm } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { freePort } from '@vike-photon/test-kit/ports'
import { type RunningServer, run, startServer } from '@vike-photon/test-kit/process'
import { startVercelOutputServer } from '../../../packages/vike-photon/src/targets/vercel/preview/server.js'
import { appsDir, scratchRoot } from './paths'

/** How an app is served after its build. */
export type ServeKind =
  /** `pnpm run prod`: the app's own production script, with PORT and HOST set */
  | 'node-prod'
  /** `wrangler pages dev`: Cloudflare Pages output (vike-cloudflare), offline in workerd */
  | 'wrangler-pages-dev'
  /** `vike preview`: Cloudflare Workers through @photonjs/cloudflare (workerd) */
  | 'vike-preview'
  /** .vercel/output served by packages/vike-photon/src/targets/vercel/preview (Vercel's routing, one process per function) */
  | 'vercel-output'

const skipWhenCopying = new Set(['node_modules', 'dist', '.vercel', '.wrangler'])

/**
 * Copies apps/<name> to a fresh scratch folder (outside the workspace) and returns its path. The pages every app
 * shares come from apps/_shared (into `sourceDir`, for an app whose Vite root is a subfolder); the app's own files
 * (package.json, +config, server, vite.config...) go on top.
 */
export async function copyApp(
  name: string,
  phase: 'before' | 'after' | 'drop-in',
  { sourceDir = '.' }: { sourceDir?: string } = {},
): Promise<string> {
  const dir = join(scratchRoot, `${name}-${phase}`)
  await rm(dir, { recursive: true, force: true })
  await mkdir(scratchRoot, { recursive: true })
  for (const [src, dest] of [
    [join(appsDir, '_shared'), join(dir, sourceDir)],
    [join(appsDir, name), dir],
  ] as const) {
    await cp(src, dest, {
      recursive: true,
      force: true,
      filter: (from) =>
        !relative(src, from)
          .split(/[\\/]/)
          .some((part) => skipWhenCopying.has(part)),
    })
  }
  return dir
}

export async function removeScratch(dir: string) {
  await rm(dir, { recursive: true, force: true })
}

/**
 * `pnpm install` in isolation (`--ignore-workspace`), from the shared store. The before apps install exactly
 * their committed lockfile; a migrated app's lockfile is stale by design, as it is for a user after migrating.
 * Files are copied, not hard-linked: @brillout/vite-plugin-server-entry writes the app's entry path into its own
 * `autoImporter.js` at build time, and through a hard link that write would reach every other app on the machine
 * that uses the same version (a later app then found an earlier, deleted app's entry).
 */
export async function install(dir: string, { frozenLockfile }: { frozenLockfile: boolean }) {
  await run(
    'pnpm',
    [
      'install',
      '--ignore-workspace',
      '--prefer-offline',
      '--package-import-method=copy',
      frozenLockfile ? '--frozen-lockfile' : '--no-frozen-lockfile',
      '--reporter=append-only',
    ],
    { cwd: dir, timeoutMs: 180_000, env: { CI: '1' } },
  )
}

/** `pnpm run build`; for Vercel with `VERCEL=1`, as the platform builds (and as e2e/vercel builds its example). */
export async function build(dir: string, kind: ServeKind) {
  return run('pnpm', ['run', 'build'], {
    cwd: dir,
    timeoutMs: 180_000,
    env: { VERCEL: kind === 'vercel-output' ? '1' : undefined },
  })
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
    case 'vercel-output': {
      const outputDir = join(dir, '.vercel', 'output')
      if (!existsSync(join(outputDir, 'config.json'))) {
        throw new Error(
          `The build wrote no Vercel output (${join(outputDir, 'config.json')} is missing): ` +
            'is a Vercel target (vite-plugin-vercel, or @photonjs/vercel with vike-photon) installed and active?',
        )
      }
      // vike-photon's Vercel preview (the server behind `vike preview`), so both halves are served as it is tested.
      const server = await startVercelOutputServer(outputDir)
      return {
        url: server.url,
        output: () => "(the functions' output goes to the test runner's stdout/stderr)",
        stop: () => server.close(),
      }
    }
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
