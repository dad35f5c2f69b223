// `pnpm --filter @vike-photon/bench ab <appA> <appB>`: CPU per SSR request of two built apps, A/B, at a fixed rate.
//
// The whole-run bench moves by ±5% between runs on a shared 2-core machine, too much to see a change worth 3%.
// Here both servers run side by side and take blocks of requests at the same fixed rate, in turns (the order
// alternating every cycle), and each block's CPU time is read from /proc: the per-cycle ratio B/A cancels most of
// what the machine does meanwhile. Typical use: copy a built bench app (bench/.cache/<id>) before a change, rebuild
// it after, and compare the two folders.
import { type ChildProcess, spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { parseArgs } from 'node:util'
import { entryOf, requestPage } from './built-app'
import { type CpuProfile, compareSummaries, type Difference, summarizeProfile } from './cpuprofile'
import { BROWSER_ACCEPT_ENCODING } from './measure'
import { HOST } from './server'
import { formatNumber, formatTable, median } from './stats'

const mid = (values: number[]): number => median(values) ?? Number.NaN

const usage = `Usage: pnpm --filter @vike-photon/bench ab <appA> <appB> [options]

  <appA>, <appB>     built bench apps (bench/.cache/<id>)
  --cycles <n>       cycles of one block per app (default 10)
  --requests <n>     requests per block (default 1200)
  --rate <n>         req/s within a block (default 300)
  --browser-ae       send a browser's Accept-Encoding (${BROWSER_ACCEPT_ENCODING}) to both
  --browser-ae-b     send it to B only: with the same app folder as A and B, what compressing the page costs
  --profile          also write a CPU profile of each server to <app>/ab-A.cpuprofile and <app>/ab-B.cpuprofile
                     (the profiler adds its own cost), and print where B's time per request differs from A's`

const CLOCK_TICKS_PER_SECOND = 100

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      cycles: { type: 'string', default: '10' },
      requests: { type: 'string', default: '1200' },
      rate: { type: 'string', default: '300' },
      'browser-ae': { type: 'boolean', default: false },
      'browser-ae-b': { type: 'boolean', default: false },
      profile: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  })
  if (values.help || positionals.length !== 2) {
    console.log(usage)
    process.exit(values.help ? 0 : 1)
  }
  const cycles = Number(values.cycles)
  const requests = Number(values.requests)
  const rate = Number(values.rate)
  const browser: Record<string, string> = { 'accept-encoding': BROWSER_ACCEPT_ENCODING }
  const plain: Record<string, string> = {}
  const apps = positionals.map((dir, i) => ({
    name: 'AB'[i]!,
    dir: resolve(dir),
    port: 3471 + i,
    headers: values['browser-ae'] || (i === 1 && values['browser-ae-b']) ? browser : plain,
  }))

  const servers = await Promise.all(
    apps.map((app) => start(app.dir, app.port, values.profile ? profilePath(app) : undefined)),
  )
  try {
    // Warm both up (JIT, caches) before anything counts.
    for (const app of apps) await block(app.port, app.headers, 1500, 500)
    if (values.profile) await signalAll(servers)
    const cpu: number[][] = [[], []]
    for (let cycle = 0; cycle < cycles; cycle++) {
      for (const i of cycle % 2 ? [1, 0] : [0, 1]) {
        const before = cpuSeconds(servers[i]!.pid!)
        await block(apps[i]!.port, apps[i]!.headers, requests, rate)
        cpu[i]!.push(((cpuSeconds(servers[i]!.pid!) - before) * 1e6) / requests)
      }
    }
    if (values.profile) await signalAll(servers)
    const [a, b] = cpu as [number[], number[]]
    for (const [i, app] of apps.entries()) {
      const sent = app.headers['accept-encoding'] ? ' (browser Accept-Encoding)' : ''
      console.log(`${app.name} ${app.dir}${sent}: µs CPU per request, per block: ${cpu[i]!.map(Math.round).join(' ')}`)
      console.log(`  median ${Math.round(mid(cpu[i]!))}`)
    }
    const sum = (xs: number[]) => xs.reduce((x, y) => x + y, 0)
    console.log(`B / A: per-cycle median ${mid(b.map((x, i) => x / a[i]!)).toFixed(3)}`)
    console.log(`B / A: ratio of sums    ${(sum(b) / sum(a)).toFixed(3)}`)
    if (values.profile) {
      for (const app of apps) console.log(`profile: ${profilePath(app)}`)
      printProfileDifferences(profilePath(apps[0]!), profilePath(apps[1]!), cycles * requests)
    }
  } finally {
    for (const server of servers) server.kill()
  }
}

/**
 * Where B's CPU time per request goes otherwise than A's, by package or area and by function: both profiles cover the
 * same measured cycles, `requests` requests each. The profiler's own cost inflates both sides alike.
 */
function printProfileDifferences(fileA: string, fileB: string, requests: number): void {
  const summarize = (file: string) => summarizeProfile(JSON.parse(readFileSync(file, 'utf8')) as CpuProfile)
  const a = summarize(fileA)
  const b = summarize(fileB)
  const perRequest = { a: requests, b: requests }
  const us = (value: number) => formatNumber(value, 1)
  const table = (rows: Difference[], what: string) =>
    formatTable(
      [what, 'A µs/req', 'B µs/req', 'B − A'],
      rows.map((row) => [
        row.key.length > 90 ? `${row.key.slice(0, 87)}...` : row.key,
        us(row.a),
        us(row.b),
        us(row.delta),
      ]),
      ['left', 'right', 'right', 'right'],
    )
  const busyA = a.busyUs / requests
  const busyB = b.busyUs / requests
  console.log(
    `\nSelf time per request while profiled, idle left out: A ${us(busyA)} µs, B ${us(busyB)} µs, B − A ${us(busyB - busyA)} µs\n`,
  )
  console.log(table(compareSummaries(a, b, perRequest, 'group').slice(0, 15), 'package or area'))
  console.log('')
  console.log(table(compareSummaries(a, b, perRequest, 'function').slice(0, 30), 'function (source:line)'))
}

/** Named after A or B, so that one app folder can be both (`--browser-ae-b`) and keep both profiles. */
function profilePath(app: { name: string; dir: string }): string {
  return join(app.dir, `ab-${app.name}.cpuprofile`)
}

async function start(dir: string, port: number, profile: string | undefined): Promise<ChildProcess> {
  const hook = new URL('./profile-hook.mjs', import.meta.url).href
  const server = spawn(process.execPath, [...(profile ? ['--import', hook] : []), entryOf(dir)], {
    cwd: dir,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST,
      ...(profile ? { BENCH_CPU_PROFILE: profile } : {}),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  for (let attempt = 0; attempt < 100; attempt++) {
    if (server.exitCode !== null) break
    try {
      await requestPage(port, {})
      return server
    } catch {
      await sleep(100)
    }
  }
  server.kill()
  throw new Error(`${dir}: the server did not answer on ${HOST}:${port}`)
}

/** The profile hook starts the profiler on the first SIGUSR2 and writes the profile on the second. */
async function signalAll(servers: ChildProcess[]): Promise<void> {
  for (const server of servers) server.kill('SIGUSR2')
  await sleep(2000)
}

/** User + system CPU time of a process so far, in seconds (fields 14 and 15 of /proc/<pid>/stat). */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND
}

/** `count` requests for `/`, sent at `rate` per second whatever the answers' pace, then awaited. */
async function block(port: number, headers: Record<string, string>, count: number, rate: number): Promise<void> {
  const start = performance.now()
  const pending: Promise<void>[] = []
  for (let i = 0; i < count; i++) {
    const wait = start + (i * 1000) / rate - performance.now()
    if (wait > 1) await sleep(wait)
    pending.push(requestPage(port, headers))
  }
  await Promise.all(pending)
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
