// `pnpm bench --profile`: where a variant's CPU time per SSR request goes, next to the floor's.
import { existsSync, readFileSync } from 'node:fs'
import { mkdir, readFile, rm } from 'node:fs/promises'
import { SourceMap, type SourceMapPayload } from 'node:module'
import { dirname, join, resolve as resolvePath } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { sleep } from '@vike-photon/test-kit/process'
import { build, workDir } from './apps'
import { type CpuProfile, type Origin, type ProfileSummary, type Resolve, summarizeProfile } from './cpuprofile'
import { load } from './load'
import { check, type Settings, warmUp } from './measure'
import { paths } from './paths'
import { startServer, stopServer } from './server'
import { formatNumber, formatTable } from './stats'
import type { Variant } from './variants'

const hook = pathToFileURL(fileURLToPath(new URL('./profile-hook.mjs', import.meta.url))).href

interface Profiled {
  variant: Variant
  requests: number
  rps: number
  summary: ProfileSummary
}

export async function runProfiles(
  variants: Variant[],
  settings: Settings,
  headers?: Record<string, string>,
): Promise<void> {
  const dir = join(paths.cache, 'profiles')
  await mkdir(dir, { recursive: true })
  const profiled: Profiled[] = []
  for (const variant of variants) {
    console.log(`› profiling ${variant.id}`)
    await build(variant, { BENCH_SOURCEMAP: '1' })
    const file = join(dir, `${variant.id}.cpuprofile`)
    await rm(file, { force: true })
    const server = await startServer({
      cwd: workDir(variant),
      entry: variant.entry,
      port: settings.port,
      nodeArgs: ['--import', hook],
      env: { BENCH_CPU_PROFILE: file },
    })
    try {
      await check(server)
      const url = `${server.origin}/`
      await warmUp(url, { ...settings, ssrWarmupSec: Math.max(settings.ssrWarmupSec, 3) }, headers)
      server.process.kill('SIGUSR2')
      await sleep(200)
      const result = await load(url, { connections: settings.connections, durationSec: settings.durationSec, headers })
      server.process.kill('SIGUSR2')
      for (let i = 0; i < 200 && !existsSync(file); i++) await sleep(50)
      await sleep(200)
      const profile = JSON.parse(await readFile(file, 'utf8')) as CpuProfile
      const summary = summarizeProfile(profile, sourceMapResolver())
      profiled.push({ variant, requests: result.requests, rps: result.rps, summary })
    } finally {
      await stopServer(server)
    }
  }
  printComparison(profiled)
  console.log(`\nProfiles: bench/.cache/profiles/<id>.cpuprofile (Chrome DevTools › Performance, or speedscope).`)
}

function printComparison(profiled: Profiled[]) {
  const floor = profiled.find((p) => p.variant.role === 'floor')
  const perReq = (p: Profiled | undefined, us: number | undefined) =>
    p && us !== undefined && p.requests > 0 ? us / p.requests : undefined
  const fmt = (v: number | undefined) => formatNumber(v, 1)

  console.log(
    '\n## CPU time per SSR request (µs, self time; idle excluded; profiler on, so absolute numbers run high)\n',
  )
  const cols = profiled
  console.log(
    formatTable(
      ['', ...cols.map((p) => p.variant.id)],
      [
        ['req/s while profiled', ...cols.map((p) => formatNumber(p.rps))],
        ['busy µs per request', ...cols.map((p) => fmt(perReq(p, p.summary.busyUs)))],
      ],
    ),
  )

  const groups = new Set(cols.flatMap((p) => [...p.summary.byGroup.keys()]))
  const rows = [...groups]
    .map((g) => ({ g, values: cols.map((p) => perReq(p, p.summary.byGroup.get(g) ?? 0) ?? 0) }))
    .sort((a, b) => Math.max(...b.values) - Math.max(...a.values))
    .filter((r) => Math.max(...r.values) >= 2)
  console.log('\n### By package / area (µs per request)\n')
  console.log(
    formatTable(
      ['group', ...cols.map((p) => p.variant.id)],
      rows.map((r) => [r.g, ...r.values.map(fmt)]),
    ),
  )

  for (const p of cols) {
    if (p === floor) continue
    const floorByKey = new Map(floor?.summary.functions.map((f) => [f.key, f.selfUs]))
    const top = p.summary.functions.slice(0, 25)
    console.log(`\n### ${p.variant.label}: top functions by self time (µs per request)\n`)
    console.log(
      formatTable(
        ['function (source:line)', 'group', p.variant.id, 'floor'],
        top.map((f) => [
          f.key.length > 90 ? `${f.key.slice(0, 87)}...` : f.key,
          f.group,
          fmt(perReq(p, f.selfUs)),
          fmt(perReq(floor, floorByKey.get(f.key))),
        ]),
        ['left', 'left', 'right', 'right'],
      ),
    )
  }
}

/** Resolves positions in files that have a `.map` next to them (the server bundle built with source maps). */
function sourceMapResolver(): Resolve {
  const maps = new Map<string, SourceMap | null>()
  return (url, line, column): Origin | undefined => {
    if (!url.startsWith('file://')) return
    let map = maps.get(url)
    if (map === undefined) {
      const file = fileURLToPath(url)
      const mapFile = `${file}.map`
      map = null
      if (existsSync(mapFile)) {
        const payload = JSON.parse(readFileSync(mapFile, 'utf8')) as SourceMapPayload
        // Make sources absolute-ish so the grouping sees node_modules/… and the app's folders.
        payload.sources = payload.sources.map((s) => (s.startsWith('.') ? resolvePath(dirname(file), s) : s))
        map = new SourceMap(payload)
      }
      maps.set(url, map)
    }
    if (!map) return
    const entry = map.findEntry(line, column)
    if (!('originalSource' in entry)) return
    return { source: entry.originalSource, line: entry.originalLine, name: (entry as { name?: string }).name }
  }
}
