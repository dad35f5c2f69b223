// `pnpm --filter @vike-photon/bench async-work <app>...`: the async resources (promises, timers, process.nextTick
// callbacks) one SSR request of built apps creates, side by side.
//
// Vike 0.4.266 runs every request inside an AsyncLocalStorage, which makes Node 20 run promise hooks for every
// promise of the process: each promise a server layer adds, and each `await`, costs more than it would otherwise,
// and each Vike hook (a `+onCreatePageContext`...) adds two timers and about eleven promises. Unlike time, these
// counts do not depend on what the machine does meanwhile (the same build: within one promise per request between
// runs), so a change that spares each request a few promises shows. They say nothing of the synchronous work in
// between; use `instructions` and `ab` for that.
import { spawn } from 'node:child_process'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { freePort } from '@vike-photon/test-kit/ports'
import { sleep } from '@vike-photon/test-kit/process'
import { entryOf, requestPage, waitForPage } from './built-app'
import { BROWSER_ACCEPT_ENCODING } from './measure'
import { HOST } from './server'
import { formatNumber, formatTable } from './stats'

const usage = `Usage: pnpm --filter @vike-photon/bench async-work <app> [<app>...] [options]

  <app>              built bench apps (bench/.cache/<id>); the others are compared with the first
  --warm <n>         requests before counting (default 200)
  --requests <n>     requests counted (default 200)
  --browser-ae       send a browser's Accept-Encoding (${BROWSER_ACCEPT_ENCODING})

A few seconds per app. Requests are sent one at a time, so no count mixes two requests.`

const HOOK = fileURLToPath(new URL('./async-work-hook.mjs', import.meta.url))
/** The resource types shown as columns; any other is summed under "other". */
const SHOWN = ['PROMISE', 'Timeout', 'TickObject'] as const

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      warm: { type: 'string', default: '200' },
      requests: { type: 'string', default: '200' },
      'browser-ae': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  })
  if (values.help || positionals.length === 0) {
    console.log(usage)
    process.exit(values.help ? 0 : 1)
  }
  const warm = Number(values.warm)
  const requests = Number(values.requests)
  const headers: Record<string, string> = values['browser-ae'] ? { 'accept-encoding': BROWSER_ACCEPT_ENCODING } : {}
  const rows: string[][] = []
  let first: number | undefined
  for (const dir of positionals) {
    const counts = await countAsyncWork(resolve(dir), warm, requests, headers)
    const perRequest = (type: string) => (counts[type] ?? 0) / requests
    const other = Object.entries(counts)
      .filter(([type]) => !(SHOWN as readonly string[]).includes(type))
      .reduce((sum, [, n]) => sum + n, 0)
    const promises = perRequest('PROMISE')
    first ??= promises
    rows.push([
      dir,
      formatNumber(promises, 1),
      (promises / first).toFixed(3),
      formatNumber(perRequest('Timeout'), 1),
      formatNumber(perRequest('TickObject'), 1),
      formatNumber(other / requests, 2),
    ])
  }
  const sent = values['browser-ae'] ? `, a browser's Accept-Encoding` : ''
  console.log(`\nAsync resources per request for /, after ${warm} requests, over ${requests}${sent}:\n`)
  console.log(
    formatTable(['app', 'promises', `÷ ${positionals[0]}`, 'timers', 'nextTicks', 'other'], rows, [
      'left',
      'right',
      'right',
      'right',
      'right',
      'right',
    ]),
  )
}

/** The async resources, by type, that the app created while answering `requests` requests after `warm` others. */
async function countAsyncWork(
  dir: string,
  warm: number,
  requests: number,
  headers: Record<string, string>,
): Promise<Record<string, number>> {
  const port = await freePort()
  const server = spawn(process.execPath, ['--import', HOOK, entryOf(dir)], {
    cwd: dir,
    env: { ...process.env, NODE_ENV: 'production', PORT: String(port), HOST },
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  let stderr = ''
  server.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk
  })
  try {
    await waitForPage(server, port, headers, () => stderr, { attempts: 100, intervalMs: 100 })
    for (let i = 1; i < warm; i++) await requestPage(port, headers)
    server.kill('SIGUSR2')
    for (let i = 0; i < requests; i++) await requestPage(port, headers)
    server.kill('SIGUSR2')
    for (let attempt = 0; attempt < 100 && !/^ASYNC-WORK /m.test(stderr); attempt++) await sleep(50)
    const line = /^ASYNC-WORK (.*)$/m.exec(stderr)
    if (!line) throw new Error(`${dir}: the server printed no counts\n${stderr}`)
    return JSON.parse(line[1]!) as Record<string, number>
  } finally {
    server.kill('SIGKILL')
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
