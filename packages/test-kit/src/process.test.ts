import { describe, expect, it } from 'vitest'
import { get } from './fetch.js'
import { freePort } from './ports.js'
import { startServer } from './process.js'

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
