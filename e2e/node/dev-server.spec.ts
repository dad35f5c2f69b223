import { createServer } from 'node:net'
import { expect, test } from '@playwright/test'
import { freePort } from '../utils/process.js'
import { listeningSockets, type PtyProcess, runInPty } from '../utils/pty.js'
import { exampleDir, vikeBin } from '../utils/server.js'

// `vike dev` as a person runs it, in a terminal: where it listens (read from the socket, `ss -ltn`), what it
// prints, `r + enter` (Vite's restart) and a port that is taken. Every kind of Node server: Hono, Express and the
// built-in server.

for (const name of ['hono-react', 'express-react', 'zero-config']) {
  test.describe(`${name}: vike dev in a terminal`, () => {
    const dir = exampleDir(name)
    let dev: PtyProcess | undefined
    test.afterEach(async () => {
      await dev?.stop()
    })

    test('listens on HOST, prints that address once, and r + enter brings the server back on it', async () => {
      test.setTimeout(180_000)
      const port = await freePort()
      dev = runInPty(`${vikeBin(dir)} dev`, { cwd: dir, env: { HOST: '127.0.0.1', PORT: String(port) } })
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
      // Vike's "vike-photon is deprecated" (no setting turns it off) is followed, once, by our line explaining it.
      const lines = dev.output().split(/\r?\n/)
      const vike = lines.findIndex((line) => line.includes('vike-photon is deprecated'))
      expect(vike).toBeGreaterThanOrEqual(0)
      expect(lines[vike + 1]).toContain("Vike's warning above is about its own +server setting")
      expect(lines.filter((line) => line.includes("Vike's warning above"))).toHaveLength(1)
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
