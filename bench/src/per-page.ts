// Per-page units benchmark: `pnpm --filter @vike-photon/bench per-page [--quick]`.
// For N = 1, 10, 100 pages (each importing its own ~50 KB module, see packages/test-kit/src/per-page-app.ts)
// it builds the app and prints, for each function (the unit that serves `/`, and on Vercel the server function that
// holds the rest): its size (the files it loads) and its cold start (a new Node process importing it and answering its
// first `GET /`, median of several spawns), each as a ratio to N = 1. It ends with the machine's load average.
// Variants: this workspace's vike-photon with `photonUnit: true` (Node handler module, Vercel function), and upstream
// vike-photon 0.1.26 on Vercel (apps/per-page-upstream, installed in bench/.cache outside the workspace, as the other
// peers are).

import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import { join } from 'node:path'
import { moduleClosure, writePerPageApp } from '@vike-photon/test-kit/per-page-app'
import { runPnpm, TEN_MINUTES } from './apps.js'
import { paths } from './paths.js'

const quick = process.argv.includes('--quick')
const SIZES = quick ? [1, 10] : [1, 10, 100]
const SPAWNS = quick ? 3 : 7
const UPSTREAM_DIR = join(paths.cache, 'per-page-upstream')
const UNIT_RUNNER = join(paths.root, 'e2e/per-page/unit-runner.mjs')
const FUNCTION_RUNNER = join(paths.root, 'packages/vike-photon/src/targets/vercel/preview/function-runner.mjs')

interface Variant {
  name: string
  /** Where the apps are generated: a folder whose node_modules has the variant's vike-photon. */
  home: string
  target: 'node' | 'vercel'
  upstream?: boolean
}

const variants: Variant[] = [
  { name: 'vike-photon, Node', home: join(paths.workspacePackage, '.e2e-tmp/bench'), target: 'node' },
  { name: 'vike-photon, Vercel', home: join(paths.workspacePackage, '.e2e-tmp/bench'), target: 'vercel' },
  { name: 'upstream 0.1.26, Vercel', home: UPSTREAM_DIR, target: 'vercel', upstream: true },
]

function env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const result: NodeJS.ProcessEnv = { ...process.env, ...extra }
  delete result.NODE_OPTIONS
  delete result.NODE_ENV
  return result
}

function build(variant: Variant, pages: number): string {
  const root = join(variant.home, `per-page-${variant.target}${variant.upstream ? '-upstream' : ''}-${pages}`)
  rmSync(root, { recursive: true, force: true })
  writePerPageApp(root, { pages, target: variant.target, units: !variant.upstream })
  // Upstream has no `photonUnit` (units: false); with @photonjs/vercel installed it adds the Vercel adapter itself.
  const vike = join(variant.home, variant.upstream ? 'node_modules/.bin/vike' : '../../node_modules/.bin/vike')
  const run = () => {
    try {
      execFileSync(vike, ['build'], {
        cwd: root,
        env: env(variant.target === 'vercel' ? { VERCEL: '1' } : {}),
        stdio: 'pipe',
      })
      return null
    } catch (error) {
      const { stdout = '', stderr = '' } = error as { stdout?: Buffer; stderr?: Buffer }
      return `${stdout}\n${stderr}`
    }
  }
  let failure = run()
  // A failed Vercel server build surfaces as ".vercel/output/_tmp/… not found"; its usual cause is guarded against
  // (plugin/photon-meta-guard-plugin.ts), a rare one is retried.
  for (let retry = 0; retry < 2 && failure?.includes('.vercel/output/_tmp'); retry++) failure = run()
  if (failure) throw new Error(`vike build failed in ${root}:\n${failure}`)
  return root
}

type Role = 'page' | 'server'
/** Which function a variant has: the one serving `/` and, on Vercel, the server function (any other URL). */
const rolesOf = (variant: Variant): Role[] =>
  variant.target === 'vercel' && !variant.upstream ? ['page', 'server'] : ['page']

/** The function with that role: its files and how to start it. */
function unitOf(variant: Variant, root: string, role: Role): { files: string[]; runner: string; arg: string } {
  if (variant.target === 'node') {
    const unit = join(root, 'dist/server/units/pages_index.mjs')
    return { files: moduleClosure(unit, (path) => readFileSync(path, 'utf8')), runner: UNIT_RUNNER, arg: unit }
  }
  const output = join(root, '.vercel/output')
  const config = JSON.parse(readFileSync(join(output, 'config.json'), 'utf8')) as {
    routes: { src?: string; dest?: string; handle?: string }[]
  }
  const afterFilesystem = config.routes.slice(config.routes.findIndex((route) => route.handle === 'filesystem') + 1)
  // Upstream's function for `/` is its server function: every page is in it.
  const path = role === 'page' ? '/' : '/__no_such_page__'
  const dest = afterFilesystem.find((route) => route.src && route.dest && new RegExp(route.src).test(path))?.dest
  if (!dest) throw new Error(`No function answers ${path} in ${output}/config.json`)
  const dir = join(output, 'functions', `${dest.split('?')[0]}.func`)
  const files = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
  return { files, runner: FUNCTION_RUNNER, arg: dir }
}

/** Spawn → the runner prints its port → first `GET /` answered: milliseconds. */
async function coldStart(runner: string, arg: string): Promise<number> {
  const started = performance.now()
  const child: ChildProcess = spawn(process.execPath, [runner, arg], {
    env: env({ NODE_ENV: 'production', VERCEL: '1' }),
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  try {
    const port = await new Promise<number>((resolve, reject) => {
      child.stdout?.once('data', (chunk: Buffer) => resolve(JSON.parse(String(chunk)).port as number))
      child.once('exit', (code) => reject(new Error(`${runner} ${arg} exited with ${code}`)))
    })
    const response = await fetch(`http://127.0.0.1:${port}/`)
    await response.text()
    if (response.status !== 200) throw new Error(`GET / answered ${response.status} (${arg})`)
    return performance.now() - started
  } finally {
    child.kill()
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] as number
}

/** Installs upstream vike-photon and its pinned peers from apps/per-page-upstream's lockfile (skipped when current). */
async function installUpstream(): Promise<void> {
  const source = join(paths.apps, 'per-page-upstream')
  const lockfile = readFileSync(join(source, 'pnpm-lock.yaml'), 'utf8')
  const installed = join(UPSTREAM_DIR, 'node_modules/.pnpm/lock.yaml')
  if (existsSync(installed) && readFileSync(join(UPSTREAM_DIR, 'pnpm-lock.yaml'), 'utf8') === lockfile) return
  mkdirSync(UPSTREAM_DIR, { recursive: true })
  for (const file of ['package.json', 'pnpm-lock.yaml']) copyFileSync(join(source, file), join(UPSTREAM_DIR, file))
  console.error(`  installing upstream vike-photon 0.1.26 in ${UPSTREAM_DIR}`)
  const args = ['install', '--ignore-workspace', '--frozen-lockfile', '--prefer-offline', '--reporter=silent']
  await runPnpm(args, { cwd: UPSTREAM_DIR, timeoutMs: TEN_MINUTES })
}

async function main() {
  await installUpstream()
  mkdirSync(join(paths.workspacePackage, '.e2e-tmp/bench'), { recursive: true })
  const rows: string[][] = []
  const loads: number[] = []
  for (const variant of variants) {
    // Every N is built first, then the spawns go round-robin over N, so that a machine that slows down or speeds up
    // during the run shifts every N alike instead of skewing the ratios.
    const roots = SIZES.map((pages) => ({ pages, root: build(variant, pages) }))
    for (const role of rolesOf(variant)) {
      const units = roots.map(({ pages, root }) => ({ pages, unit: unitOf(variant, root, role) }))
      const colds = new Map<number, number[]>(SIZES.map((pages) => [pages, []]))
      for (const { unit } of units) await coldStart(unit.runner, unit.arg) // warms the file system cache; not counted
      for (let i = 0; i < SPAWNS; i++) {
        for (const { pages, unit } of units) colds.get(pages)?.push(await coldStart(unit.runner, unit.arg))
        loads.push(loadavg()[0] as number)
      }
      let base: { size: number; cold: number } | null = null
      for (const { pages, unit } of units) {
        const size = unit.files.reduce((sum, file) => sum + statSync(file).size, 0)
        const cold = median(colds.get(pages) ?? [])
        base ??= { size, cold }
        rows.push([
          `${variant.name}, ${role === 'server' ? 'server function' : variant.target === 'node' ? 'unit for /' : 'function for /'}`,
          String(pages),
          `${(size / 1024).toFixed(1)} KB`,
          (size / base.size).toFixed(2),
          `${cold.toFixed(0)} ms`,
          (cold / base.cold).toFixed(2),
        ])
        console.error(`  ${rows.at(-1)?.join(' | ')}`)
      }
    }
  }
  const header = ['variant, function', 'N', 'size', 'size / N=1', 'cold start', 'cold / N=1']
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => (row[i] as string).length)))
  const line = (cells: string[]) => `| ${cells.map((cell, i) => cell.padEnd(widths[i] as number)).join(' | ')} |`
  console.log(
    [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n'),
    `\ncold start: median of ${SPAWNS} spawns (node runner → first GET / answered). Goal: both ratios ≤ 1.10 at N = 100.`,
    `\nmachine: ${cpus().length} cores, 1-minute load average during the spawns ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)}.`,
  )
}

await main()
