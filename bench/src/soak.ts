import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { connect } from 'node:net'
import { resolve } from 'node:path'

// A bounded soak of a built app (`dist/server/index.mjs`): normal traffic mixed with the requests that used to be
// left unanswered or to print stack traces (issue 11), for a fixed time. Prints how many requests got an answer,
// by status, how many did not, the server's RSS before and after, and how the server stopped on SIGTERM.
//
//   pnpm --filter @vike-photon/bench exec tsx src/soak.ts <app folder> [--seconds 60] [--concurrency 16]
//
// The app folder holds a build (`vike build` done). Paths that the app lacks simply get 404s; an app with a
// `+middleware` that throws on /middleware-throws (packages/vike-photon/test/fixtures/hardening) exercises the 500.

const args = process.argv.slice(2)
const option = (name: string, fallback: number) => {
  const at = args.indexOf(`--${name}`)
  return at === -1 ? fallback : Number(args[at + 1])
}
const appDir = resolve(args.find((arg, i) => !arg.startsWith('--') && !args[i - 1]?.startsWith('--')) ?? '.')
const seconds = option('seconds', 60)
const concurrency = option('concurrency', 16)
const port = option('port', 3900)

/** Raw request lines: nothing in between normalizes or refuses them. */
const MIX: { name: string; bytes: string }[] = [
  ...['/', '/about', '/robots.txt', '/does-not-exist'].map((path) => get(path)),
  { name: 'HEAD /about', bytes: request('HEAD', '/about') },
  ...['TRACE', 'PROPFIND', 'MKCOL', 'COPY', 'LOCK', 'SEARCH', 'PURGE', 'DELETE', 'POST'].map((method) => ({
    name: `${method} /about`,
    bytes: request(method, '/about'),
  })),
  { name: 'OPTIONS *', bytes: request('OPTIONS', '*') },
  { name: 'CONNECT', bytes: request('CONNECT', 'example.com:443') },
  get('/middleware-throws'),
  get('/%E0%A4%A'),
  get('/.env'),
  get('/.vite/manifest.json'),
  get('/../server/index.mjs'),
  get('/./robots.txt'),
  { name: 'GET absolute-form', bytes: request('GET', `http://127.0.0.1:${port}/robots.txt`) },
  { name: 'GET huge header', bytes: request('GET', '/', `X-Huge: ${'x'.repeat(20_000)}\r\n`) },
]

function request(method: string, target: string, extra = ''): string {
  return `${method} ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n${extra}\r\n`
}
function get(path: string) {
  return { name: `GET ${path}`, bytes: request('GET', path) }
}

/** The status of the answer, or `null` when the server closed the socket or said nothing within 10 s. */
function send(bytes: string): Promise<number | null> {
  return new Promise((done) => {
    let head = ''
    const socket = connect(port, '127.0.0.1', () => socket.write(bytes))
    socket.setEncoding('latin1')
    socket.setTimeout(10_000, () => socket.destroy())
    socket.on('data', (chunk: string) => {
      if (head.length < 16) head += chunk
    })
    socket.on('error', () => {})
    socket.on('close', () => {
      const match = /^HTTP\/1\.[01] (\d{3})/.exec(head)
      done(match ? Number(match[1]) : null)
    })
  })
}

function rssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmRSS:'))
  return Math.round(Number(line?.match(/\d+/)?.[0] ?? 0) / 1024)
}

const server = spawn(process.execPath, ['dist/server/index.mjs'], {
  cwd: appDir,
  env: { ...process.env, PORT: String(port), HOST: '127.0.0.1' },
  stdio: ['ignore', 'pipe', 'pipe'],
})
let log = ''
server.stdout.on('data', (chunk) => {
  log += chunk
})
server.stderr.on('data', (chunk) => {
  log += chunk
})
const exited = new Promise<number | null>((done) => server.on('exit', (code) => done(code)))
for (let i = 0; i < 100 && !log.includes('Server running'); i++) await new Promise((r) => setTimeout(r, 100))
if (!log.includes('Server running')) throw new Error(`The server did not start:\n${log}`)

// Warm up (first renders load the pages' code), then measure.
for (const { bytes } of MIX) await send(bytes)
const rssBefore = rssMb(server.pid!)
const byRequest = new Map<string, Map<string, number>>()
let answered = 0
let unanswered = 0
const end = Date.now() + seconds * 1000
// RSS every tenth of the run: growth that levels off is the heap settling, growth to the end is a leak.
const samples: number[] = []
const sampler = setInterval(() => samples.push(rssMb(server.pid!)), (seconds * 1000) / 10)
let next = 0
await Promise.all(
  Array.from({ length: concurrency }, async () => {
    while (Date.now() < end) {
      const item = MIX[next++ % MIX.length]!
      const status = await send(item.bytes)
      if (status === null) unanswered++
      else answered++
      const counts = byRequest.get(item.name) ?? new Map<string, number>()
      counts.set(String(status ?? 'none'), (counts.get(String(status ?? 'none')) ?? 0) + 1)
      byRequest.set(item.name, counts)
    }
  }),
)
clearInterval(sampler)
const rssAfter = rssMb(server.pid!)
const stackLines = log.split('\n').filter((line) => /^\s+at /.test(line)).length
server.kill('SIGTERM')
const signalled = Date.now()
const code = await exited

console.log(`soak of ${appDir}: ${seconds} s, ${concurrency} connections at a time`)
for (const [name, counts] of byRequest) {
  console.log(`  ${name.padEnd(28)} ${[...counts].map(([status, n]) => `${status}×${n}`).join(' ')}`)
}
console.log(`answered: ${answered}, unanswered: ${unanswered}`)
console.log(`RSS: ${rssBefore} MB before, ${rssAfter} MB after (every ${seconds / 10} s: ${samples.join(', ')})`)
console.log(`stack-trace lines in the server log: ${stackLines}`)
console.log(`SIGTERM: exited with code ${code} after ${Date.now() - signalled} ms`)
process.exitCode = unanswered === 0 && code === 0 ? 0 : 1
