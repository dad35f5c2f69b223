import { readFileSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { freePort } from '@vike-photon/test-kit/ports'
import { FRAMEWORKS } from '../frameworks/frameworks.js'
import { listeningSockets, type PtyProcess, runInPty } from '../utils/pty.js'
import { exampleDir, startServer, vikeBin } from '../utils/server.js'

// `vike dev` as a person runs it, in a terminal: where it listens (read from the socket, `ss -ltn`), what it
// prints, `r + enter` (Vite's restart) and a port that is taken. Every kind of Node server: the Hono, Express and
// built-in server examples, and the other frameworks of examples/frameworks (FRAMEWORK=<id> picks the entry).

const terminals = [
  ...['hono-react', 'express-react', 'zero-config'].map((name) => ({ name, dir: exampleDir(name), env: {} })),
  ...FRAMEWORKS.filter((framework) => !['hono', 'express', 'builtin'].includes(framework.id)).map((framework) => ({
    name: `frameworks (${framework.name})`,
    dir: exampleDir('frameworks'),
    env: { FRAMEWORK: framework.id },
  })),
]

for (const { name, dir, env } of terminals) {
  test.describe(`${name}: vike dev in a terminal`, () => {
    let dev: PtyProcess | undefined
    test.afterEach(async () => {
      await dev?.stop()
    })

    test('listens on HOST, prints that address once, and r + enter brings the server back on it', async () => {
      test.setTimeout(180_000)
      const port = await freePort()
      dev = runInPty(`${vikeBin(dir)} dev`, { cwd: dir, env: { ...env, HOST: '127.0.0.1', PORT: String(port) } })
      await dev.waitFor(/Server running at /)
      expect(listeningSockets()).toContain(`127.0.0.1:${port}`)
      expect(listeningSockets()).not.toContain(`*:${port}`)
      expect((await fetch(`http://127.0.0.1:${port}/`)).status).toBe(200)

      dev.type('r\n')
      await dev.waitFor(/server restarted/)
      await expect(async () => {
        expect((await fetch(`http://127.0.0.1:${port}/about`)).status).toBe(200)
      }).toPass({ timeout: 60_000 })
      expect(listeningSockets()).toContain(`127.0.0.1:${port}`)
      // One line with the real address, not repeated by the restart.
      expect(dev.output().match(/Server running at .*/g)).toEqual([`Server running at http://127.0.0.1:${port}/`])
      expect(dev.output()).not.toMatch(/Listening on|Server crash|Error/)
      // Vike's "vike-photon is deprecated" (about the upstream package) stays out of the terminal.
      expect(dev.output()).not.toContain('is deprecated')
    })
  })
}

test('vike dev on a port in use: one line that names the port and the fix', async () => {
  test.setTimeout(120_000)
  const port = await freePort()
  const blocker = createServer()
  await new Promise<void>((resolve) => blocker.listen(port, '127.0.0.1', resolve))
  const dir = exampleDir('hono-react')
  const dev = runInPty(`${vikeBin(dir)} dev`, { cwd: dir, env: { HOST: '127.0.0.1', PORT: String(port) } })
  try {
    expect(await dev.exited).toBe(1)
    const output = dev.output()
    expect(output).toContain(
      `[vike-photon] Cannot listen on 127.0.0.1:${port}: the port is already in use (another server still running?). Stop that process, or pick another port: PORT=${port + 1} vike dev`,
    )
    expect(output).not.toMatch(/EADDRINUSE|\n\s+at /)
  } finally {
    await dev.stop()
    blocker.close()
  }
})

test('vike dev with a server entry without export default: our message once, a 500 that names the fix, then recovery on save', async () => {
  test.setTimeout(120_000)
  const dir = exampleDir('hono-react')
  const file = join(dir, 'server/index.ts')
  const original = readFileSync(file, 'utf8')
  const message =
    "[vike-photon] The server entry server/index.ts has no default export. Add: export default serve(app) — with `serve` from your server's adapter (e.g. '@photonjs/hono')."
  writeFileSync(file, original.replace('export default serve(app', 'serve(app'))
  let dev: Awaited<ReturnType<typeof startServer>> | undefined
  try {
    dev = await startServer({ cwd: dir, command: vikeBin(dir), args: ['dev'] })
    // The port stays open and every request answers the mistake and its fix, not a hang or a refused connection.
    for (const path of ['/', '/about', '/api/hello']) {
      const response = await fetch(`${dev.url}${path}`)
      expect(response.status, path).toBe(500)
      expect(response.headers.get('content-type'), path).toContain('text/html')
      expect(await response.text(), path).toContain(message)
    }
    const output = dev.output()
    expect(output.split(message)).toHaveLength(2)
    expect(output).not.toMatch(/Server crash|\n\s+at /)

    // The user adds `export default`: the next save brings their server up, without a restart.
    await new Promise((resolve) => setTimeout(resolve, 1500))
    writeFileSync(file, original)
    await expect(async () => {
      const response = await fetch(`${dev!.url}/api/hello`)
      expect(response.status).toBe(200)
      expect((await response.json()).hello).toBe('from Hono')
    }).toPass({ timeout: 30_000 })
    expect((await fetch(`${dev.url}/about`)).status).toBe(200)
    expect(dev.output()).not.toMatch(/Restarting server|Server crash/)
    expect(dev.output().match(/Server running at .*/g)).toEqual([`Server running at ${dev.url}/`])
  } finally {
    writeFileSync(file, original)
    await dev?.stop()
  }
})
