// `pnpm --filter @vike-photon/bench in-process <app>...`: CPU time per SSR request of built apps, measured inside
// their own process with no HTTP in between: the floor's `renderPage()` call against a variant's fetch handler
// (Hono, the built-in server). What the server frameworks and vike-photon add around Vike, without the sockets, HTTP
// parsing and load generator that make up much of a request in the full bench. Vike's `catchInfiniteLoop()` is
// switched off in the measuring process (in-process-loader.mjs). Apps run one after the other, in turns, so that the
// machine's slower moments spread over all of them; the table gives the fastest round (least disturbed) and the median.
// With `--page-context-init`, the floor alone, once per pageContextInit a server may hand Vike: what Vike itself does
// with a fetch server's input and with vike-photon's (PAGE_CONTEXT_INITS in in-process-child.mjs).
import { spawn } from 'node:child_process'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { entryOf } from './built-app'
import { BROWSER_ACCEPT_ENCODING } from './measure'
import { formatTable, median } from './stats'

const usage = `Usage: pnpm --filter @vike-photon/bench in-process <app> [<app>...] [options]

  <app>              built bench apps (bench/.cache/<id>) with a fetch handler, or the floor; the others are divided
                     by the first
  --warm <n>         requests before measuring (default 25000: V8 optimizes for ~20,000)
  --requests <n>     requests per round (default 5000)
  --rounds <n>       rounds per app (default 5)
  --turns <n>        times each app is started, in turns (default 3)
  --browser-ae       send a browser's Accept-Encoding (${BROWSER_ACCEPT_ENCODING})
  --page-context-init
                     with the floor as the one app: its renderPage() call with each pageContextInit from the floor's
                     own (a path, Node's headers) to vike-photon's (a Request's URL and Headers, runtime...), in turns`

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url))

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      warm: { type: 'string', default: '25000' },
      requests: { type: 'string', default: '5000' },
      rounds: { type: 'string', default: '5' },
      turns: { type: 'string', default: '3' },
      'browser-ae': { type: 'boolean', default: false },
      'page-context-init': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  })
  if (values.help || positionals.length === 0) {
    console.log(usage)
    process.exit(values.help ? 0 : 1)
  }
  for (const dir of positionals) entryOf(resolve(dir))
  const acceptEncoding = values['browser-ae'] ? BROWSER_ACCEPT_ENCODING : ''
  const runs = values['page-context-init'] ? pageContextInitRuns(positionals) : appRuns(positionals)
  const rounds = new Map<string, number[]>(runs.map((run) => [run.label, []]))
  for (let turn = 0; turn < Number(values.turns); turn++) {
    for (const { label, dir, kind } of runs) {
      const args = [dir, kind, values.warm, values.requests, values.rounds, acceptEncoding]
      rounds.get(label)!.push(...(await measure(args)))
      console.log(`› turn ${turn + 1}: ${label}`)
    }
  }
  const best = runs.map((run) => Math.min(...rounds.get(run.label)!))
  const middle = runs.map((run) => median(rounds.get(run.label)!)!)
  const sent = acceptEncoding ? ", a browser's Accept-Encoding" : ''
  const first = runs[0]!.label
  console.log(`\nCPU µs per request for /, in process, after ${values.warm} requests${sent}:\n`)
  console.log(
    formatTable(
      [
        values['page-context-init'] ? 'pageContextInit' : 'app',
        'fastest round',
        `÷ ${first}`,
        'median round',
        `÷ ${first}`,
      ],
      runs.map(({ label }, i) => [
        label,
        best[i]!.toFixed(1),
        (best[i]! / best[0]!).toFixed(3),
        middle[i]!.toFixed(1),
        (middle[i]! / middle[0]!).toFixed(3),
      ]),
      ['left', 'right', 'right', 'right', 'right'],
    ),
  )
}

interface Run {
  label: string
  dir: string
  /** How in-process-child.mjs renders: `floor` (renderPage, as the floors call it), `floor:<init>`, `fetch`. */
  kind: string
}

/** Each app once: the floors (server/index.mjs) by their renderPage() call, built apps by their fetch handler. */
function appRuns(positionals: string[]): Run[] {
  return positionals.map((label) => {
    const dir = resolve(label)
    return { label, dir, kind: entryOf(dir) === 'server/index.mjs' ? 'floor' : 'fetch' }
  })
}

/** The floor's renderPage() once per pageContextInit of in-process-child.mjs (PAGE_CONTEXT_INITS), in that order. */
function pageContextInitRuns(positionals: string[]): Run[] {
  const dir = resolve(positionals[0] ?? '')
  if (positionals.length !== 1 || entryOf(dir) !== 'server/index.mjs') {
    throw new Error('--page-context-init measures one app, a floor (bench/.cache/floor)')
  }
  return PAGE_CONTEXT_INIT_NAMES.map((name) => ({ label: name, dir, kind: `floor:${name}` }))
}

/** The names of PAGE_CONTEXT_INITS in in-process-child.mjs, from the floor's own to vike-photon's. */
const PAGE_CONTEXT_INIT_NAMES = ['path', 'url', 'request', 'vike-photon']

/** Runs in-process-child.mjs for one app; its rounds' CPU µs per request. */
function measure(args: string[]): Promise<number[]> {
  return new Promise((done, fail) => {
    const child = spawn(
      process.execPath,
      ['--import', here('./in-process-hook.mjs'), here('./in-process-child.mjs'), ...args],
      {
        // A free port is not needed: the app's server listens, but no request goes through it.
        env: { ...process.env, NODE_ENV: 'production', PORT: '0', HOST: '127.0.0.1' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    )
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk
    })
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk
    })
    child.on('error', fail)
    child.on('exit', (code) => {
      const line = stdout.split('\n').find((l) => l.startsWith('{'))
      if (code !== 0 || !line) return fail(new Error(`${args[0]}: exited with ${code}\n${stderr}`))
      done((JSON.parse(line) as { perRequestUs: number[] }).perRequestUs)
    })
  })
}

await main()
