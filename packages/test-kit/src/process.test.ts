import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { get } from './fetch.js'
import { freePort } from './ports.js'
import { sleep, startServer } from './process.js'

// A server that ignores the PORT it is given (as an app with `serve(app, { port: 3000 })` does): it listens on a
// port of its own and prints where, the way vike-photon's servers announce themselves.
const ownPortServer = `
  const { createServer } = require('node:http')
  const server = createServer((req, res) => res.end('hello from ' + req.url))
  server.listen(0, '127.0.0.1', () => console.log('Server running at http://localhost:' + server.address().port + '/'))
`

describe('startServer with a URL to poll', () => {
  it('follows the loopback URL the server printed when it does not listen on the one it was given', async () => {
    const given = `http://127.0.0.1:${await freePort()}`
    const server = await startServer(process.execPath, ['-e', ownPortServer], {
      cwd: process.cwd(),
      env: { PORT: given.split(':').at(-1) },
      url: given,
      announced: /Server running at (\S+)/,
      pollMs: 50,
      timeoutMs: 10_000,
    })
    try {
      expect(server.url).not.toBe(given)
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
      expect((await get(`${server.url}/page`)).body).toBe('hello from /page')
    } finally {
      await server.stop()
    }
  })

  it('without `announced`, waits for the given URL only and says so when it never answers', async () => {
    const given = `http://127.0.0.1:${await freePort()}`
    const started = startServer(process.execPath, ['-e', ownPortServer], {
      cwd: process.cwd(),
      url: given,
      pollMs: 50,
      timeoutMs: 1_500,
    })
    await expect(started).rejects.toThrow(`not ready within 1500 ms (waited until ${given} answered`)
  })
})

const packageDir = fileURLToPath(new URL('..', import.meta.url))
const childScript = join(packageDir, 'test', 'stops-on-exit.child.ts')

/** Alive and not a zombie (a killed process whose parent is gone stays in the table until init reaps it). */
function alive(pid: number): boolean {
  const stat = `/proc/${pid}/stat`
  if (!existsSync(stat)) return false
  try {
    return readFileSync(stat, 'utf8').split(') ')[1]?.[0] !== 'Z'
  } catch {
    return false
  }
}

async function until(check: () => boolean, ms: number) {
  const deadline = Date.now() + ms
  while (!check() && Date.now() < deadline) await sleep(50)
  return check()
}

describe('process: nothing outlives the test process', () => {
  let dir: string
  let pids: number[] = []
  afterEach(() => {
    for (const pid of pids) if (alive(pid)) process.kill(pid, 'SIGKILL')
    rmSync(dir, { recursive: true, force: true })
  })

  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`kills every command and server it started, with what they started, on ${signal}`, async () => {
      dir = mkdtempSync(join(tmpdir(), 'test-kit-'))
      const child = spawn(process.execPath, ['--import', 'tsx', childScript, dir], {
        cwd: packageDir, // where `--import tsx` resolves
        stdio: ['ignore', 'pipe', 'inherit'],
      })
      let output = ''
      child.stdout.on('data', (d) => {
        output += d
      })
      expect(await until(() => output.includes('started'), 20_000)).toBe(true)
      pids = readFileSync(join(dir, 'pids'), 'utf8').trim().split(/\s+/).map(Number)
      expect(pids).toHaveLength(3) // the command's sleep, the server's shell and its sleep
      expect(pids.every(alive)).toBe(true)

      const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)))
      child.kill(signal)
      expect(await exited).toBe(signal === 'SIGTERM' ? 143 : 130)
      expect(await until(() => !pids.some(alive), 5_000)).toBe(true)
    }, 30_000)
  }
})
