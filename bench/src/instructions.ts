// `pnpm --filter @vike-photon/bench instructions <app>...`: machine instructions per SSR request of built apps,
// counted by valgrind's callgrind, side by side.
//
// CPU time per request moves by ±5% from one few-second window to the next on this shared 2-core machine, and `ab`
// showed B/A 1.06 for two copies of the same build: too coarse for a change worth 1 to 3%. Instructions, counted with V8's helper threads off
// (`--single-threaded`), barely depend on what the machine does meanwhile. Each app is started twice under callgrind and sent `--warm` requests,
// then `--warm + --requests`, one at a time on one keep-alive connection; the difference between the two totals,
// divided by `--requests`, is what one request costs once the app is warm (startup and warmup cancel out). The
// warmup must outlast most of V8's optimizing compiler's work: after 200 requests, the floor's next 1,000 still
// included much of it (6.96 M instructions per request, against 5.0 to 5.4 M after 1,000).
//
// What instructions do not show: cache misses, page faults and system calls (a change that allocates less, or
// touches less memory, can save time with as many instructions), and Vike 0.4.266's `catchInfiniteLoop()` walks the
// keys of the last 5 s only, at callgrind's pace of about 12 requests per second (about 1,500 at the bench's 300
// req/s), so Vike's share is smaller than under load. Use it to tell small changes apart, `ab` and the whole bench
// for time.
import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { availableParallelism, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { freePort } from '@vike-photon/test-kit/ports'
import { entryOf, requestPage, waitForPage } from './built-app'
import { BROWSER_ACCEPT_ENCODING } from './measure'
import { HOST } from './server'
import { formatNumber, formatTable } from './stats'

const usage = `Usage: pnpm --filter @vike-photon/bench instructions <app> [<app>...] [options]

  <app>              built bench apps (bench/.cache/<id>); the others are divided by the first
  --warm <n>         requests before counting (default 1000)
  --requests <n>     requests counted (default 1000)
  --browser-ae       send a browser's Accept-Encoding (${BROWSER_ACCEPT_ENCODING})

Needs valgrind (Debian: apt-get install valgrind). About 6 CPU-minutes per app; runs as many at once as there are CPUs.`

interface Options {
  warm: number
  requests: number
  headers: Record<string, string>
}

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      warm: { type: 'string', default: '1000' },
      requests: { type: 'string', default: '1000' },
      'browser-ae': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  })
  if (values.help || positionals.length === 0) {
    console.log(usage)
    process.exit(values.help ? 0 : 1)
  }
  if (spawnSync('valgrind', ['--version']).error) {
    console.error('valgrind is not installed: apt-get install valgrind (Debian), then run this again.')
    process.exit(1)
  }
  const options: Options = {
    warm: Number(values.warm),
    requests: Number(values.requests),
    headers: values['browser-ae'] ? { 'accept-encoding': BROWSER_ACCEPT_ENCODING } : {},
  }
  const apps = positionals.map((dir) => resolve(dir))
  const names = positionals
  // Every app is checked before minutes of counting start.
  for (const dir of apps) entryOf(dir)
  // Two runs per app (warmup only, warmup and counted requests), as many at once as there are CPUs.
  const runs = apps.flatMap((dir) => [
    { dir, requests: options.warm },
    { dir, requests: options.warm + options.requests },
  ])
  const totals = new Map<string, number>()
  let next = 0
  const worker = async () => {
    while (next < runs.length) {
      const run = runs[next++]!
      // A free port each time: two `instructions` commands at once collided on fixed ones.
      const total = await countInstructions(run.dir, await freePort(), run.requests, options.headers)
      totals.set(`${run.dir}:${run.requests}`, total)
    }
  }
  await Promise.all(Array.from({ length: Math.min(availableParallelism(), runs.length) }, worker))

  const perRequest = apps.map(
    (dir) =>
      (totals.get(`${dir}:${options.warm + options.requests}`)! - totals.get(`${dir}:${options.warm}`)!) /
      options.requests,
  )
  const sent = values['browser-ae'] ? `, a browser's Accept-Encoding` : ''
  console.log(`\nInstructions per request for /, after ${options.warm} requests, over ${options.requests}${sent}:\n`)
  console.log(
    formatTable(
      ['app', 'instructions per request', `÷ ${names[0]}`],
      apps.map((_, i) => [
        names[i]!,
        formatNumber(Math.round(perRequest[i]!)),
        (perRequest[i]! / perRequest[0]!).toFixed(3),
      ]),
      ['left', 'right', 'right'],
    ),
  )
}

/** Instructions the app's process ran (all threads) from its start to its exit after `requests` requests. */
async function countInstructions(
  dir: string,
  port: number,
  requests: number,
  headers: Record<string, string>,
): Promise<number> {
  const outDir = mkdtempSync(join(tmpdir(), 'vike-photon-callgrind-'))
  const outFile = join(outDir, 'callgrind.out')
  const server = spawn(
    'valgrind',
    [
      '--tool=callgrind',
      `--callgrind-out-file=${outFile}`,
      // V8 writes and patches machine code at run time.
      '--smc-check=all-non-file',
      process.execPath,
      // No compiler or garbage-collector threads: their work then happens at the same points in every run (the
      // same build counted twice: 0.4 to 1.2% apart, against up to 7% with them).
      '--single-threaded',
      entryOf(dir),
    ],
    {
      cwd: dir,
      env: { ...process.env, NODE_ENV: 'production', PORT: String(port), HOST },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  )
  let stderr = ''
  server.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk
  })
  try {
    // Node starts in 10 to 20 s under callgrind.
    await waitForPage(server, port, headers, () => stderr, { attempts: 240, intervalMs: 500 })
    // The request that found the server up is the first one.
    for (let i = 1; i < requests; i++) await requestPage(port, headers)
    // SIGTERM ends every bench server (vike-photon's launcher once its connections are closed, the others at once);
    // callgrind then writes its totals.
    const exited = new Promise((done) => server.once('exit', done))
    server.kill('SIGTERM')
    await exited
    const totals = /^totals: (\d+)/m.exec(readFileSync(outFile, 'utf8'))
    if (!totals) throw new Error(`${dir}: callgrind wrote no totals\n${stderr}`)
    return Number(totals[1])
  } finally {
    if (server.exitCode === null) server.kill('SIGKILL')
    rmSync(outDir, { recursive: true, force: true })
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
