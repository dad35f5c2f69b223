import { execFileSync } from 'node:child_process'
import { createServer, type Server } from 'node:http'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { listenAddress, listeningUrl, portInUseMessage } from '../src/runtime/listen.js'
import { copyFixture, type Run, type RunningServer, run, startServer } from './helpers/fixture.js'

// Where vike-photon's servers listen and what they print: the same rules for `vike dev` (runtime/serve-dev.ts)
// and `node dist/server/index.mjs` (runtime/serve-node.ts). The address is read from the socket, never by sending
// traffic anywhere but loopback.
const vike = fileURLToPath(new URL('../node_modules/.bin/vike', import.meta.url))

function withEnv<T>(env: Record<string, string | undefined>, fn: () => T): T {
  const saved = { PORT: process.env.PORT, HOST: process.env.HOST, PHOTON_HOSTNAME: process.env.PHOTON_HOSTNAME }
  for (const key of Object.keys(saved)) delete process.env[key]
  Object.assign(process.env, env)
  try {
    return fn()
  } finally {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key]
      else process.env[key] = value
    }
  }
}

describe('listenAddress()', () => {
  it("takes the server entry's options first, then PORT and HOST, then --port/--host, then 3000 on every interface", () => {
    expect(withEnv({}, () => listenAddress({}))).toEqual({ port: 3000, host: undefined })
    expect(withEnv({ PORT: '4000', HOST: '127.0.0.1' }, () => listenAddress({}))).toEqual({
      port: 4000,
      host: '127.0.0.1',
    })
    expect(withEnv({ PORT: '4000', HOST: '127.0.0.1' }, () => listenAddress({ port: 5000, hostname: '::1' }))).toEqual({
      port: 5000,
      host: '::1',
    })
    expect(withEnv({}, () => listenAddress({}, { host: '::1', port: 6000 }))).toEqual({ port: 6000, host: '::1' })
    expect(withEnv({ HOST: '127.0.0.1' }, () => listenAddress({}, { host: '::1' }))).toEqual({
      port: 3000,
      host: '127.0.0.1',
    })
    // `--host` without a value: every interface.
    expect(withEnv({}, () => listenAddress({}, { host: true }))).toEqual({ port: 3000, host: undefined })
    expect(withEnv({ PHOTON_HOSTNAME: '127.0.0.1' }, () => listenAddress({}))).toEqual({
      port: 3000,
      host: '127.0.0.1',
    })
  })
})

describe('listeningUrl()', () => {
  const servers: Server[] = []
  afterAll(() => Promise.all(servers.map((server) => new Promise((done) => server.close(done)))))
  const listen = (host?: string) =>
    new Promise<Server>((resolve) => {
      const server = createServer()
      servers.push(server)
      server.listen(0, host, () => resolve(server))
    })

  it('is the address the socket listens on', async () => {
    const ipv4 = await listen('127.0.0.1')
    expect(listeningUrl(ipv4)).toBe(`http://127.0.0.1:${(ipv4.address() as { port: number }).port}/`)
    const ipv6 = await listen('::1')
    expect(listeningUrl(ipv6)).toBe(`http://[::1]:${(ipv6.address() as { port: number }).port}/`)
    const every = await listen()
    expect(listeningUrl(every)).toBe(`http://localhost:${(every.address() as { port: number }).port}/`)
  })
})

describe('portInUseMessage()', () => {
  it('names the port and the fix', () => {
    expect(portInUseMessage(3000, undefined, 'vike dev')).toBe(
      '[vike-photon] Cannot listen on port 3000: the port is already in use (another server still running?). Stop that process, or pick another port: PORT=3001 vike dev',
    )
    expect(portInUseMessage(3000, '::1', 'vike dev')).toContain('Cannot listen on [::1]:3000')
  })
})

/** The listening TCP sockets, as `ss -ltn` shows them (e.g. `[::1]:41234`). */
function listeningSockets(): string[] {
  return execFileSync('ss', ['-ltnH'], { encoding: 'utf8' })
    .split('\n')
    .map((line) => line.trim().split(/\s+/)[3] ?? '')
    .filter(Boolean)
}

describe('node dist/server/index.mjs (a Hono app built with vike build)', () => {
  let root: string
  let build: Run
  let server: RunningServer
  beforeAll(async () => {
    root = copyFixture('hono-server')
    build = await run(vike, ['build'], { cwd: root })
    if (build.code !== 0) throw new Error(`vike build failed:\n${build.stdout}\n${build.stderr}`)
    server = await startServer(root, { HOST: '::1', PORT: '0' })
  }, 120_000)
  afterAll(() => server?.stop())

  it('vike build ends with the summary: target, server entry, and the command that starts it', () => {
    const summary = build.stdout.slice(build.stdout.indexOf('[vike-photon] Built for')).trimEnd().split('\n')
    expect(summary).toEqual([
      '[vike-photon] Built for Node (Hono server).',
      expect.stringMatching(/^ {2}Server: dist\/server\/index\.mjs \([\d.]+ kB with its chunks\)$/),
      '  Next: `node dist/server/index.mjs` starts it (or `vike preview`).',
    ])
  })

  it('listens on HOST (::1 here) and prints that address once', () => {
    expect(server.url).toMatch(/^http:\/\/\[::1\]:\d+$/)
    const port = server.url.split(':').pop()
    expect(listeningSockets()).toContain(`[::1]:${port}`)
    expect(server.output().match(/Server running at/g)).toHaveLength(1)
  })

  it('a port in use: one line that names it and the fix, exit code 1', async () => {
    const port = Number(server.url.split(':').pop())
    const second = await run(process.execPath, ['dist/server/index.mjs'], {
      cwd: root,
      env: { HOST: '::1', PORT: String(port) },
    })
    expect(second.code).toBe(1)
    expect(second.stdout).toBe('')
    expect(second.stderr.trim()).toBe(
      `[vike-photon] Cannot listen on [::1]:${port}: the port is already in use (another server still running?). Stop that process, or pick another port: PORT=${port + 1} node dist/server/index.mjs`,
    )
  })
})
