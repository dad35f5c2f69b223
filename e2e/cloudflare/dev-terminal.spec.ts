import { expect, test } from '@playwright/test'
import { freePort } from '@vike-photon/test-kit/ports'
import { listeningSockets, runInPty } from '../utils/pty.js'
import { exampleDir } from './server'

// `vike dev` on Cloudflare (Vite's own server, workerd behind it) as a person runs it, in a terminal: it listens on
// HOST and PORT like the Node servers (read from the socket, `ss -ltn`), and `r + enter` brings it back there.
test('vike dev listens on HOST and PORT, and r + enter brings it back on that address', async () => {
  test.setTimeout(420_000)
  const port = await freePort()
  const dev = runInPty(`${exampleDir}node_modules/.bin/vike dev`, {
    cwd: exampleDir,
    env: { HOST: '127.0.0.1', PORT: String(port) },
  })
  try {
    await dev.waitFor(/press h \+ enter/, 240_000)
    expect(dev.output()).toContain(`Local:   http://127.0.0.1:${port}/`)
    expect(listeningSockets()).toContain(`127.0.0.1:${port}`)
    expect((await fetch(`http://127.0.0.1:${port}/`)).status).toBe(200)

    dev.type('r\n')
    await dev.waitFor(/server restarted/, 120_000)
    await expect(async () => {
      expect((await fetch(`http://127.0.0.1:${port}/about`)).status).toBe(200)
    }).toPass({ timeout: 90_000 })
    expect(listeningSockets()).toContain(`127.0.0.1:${port}`)
  } finally {
    await dev.stop()
  }
})
