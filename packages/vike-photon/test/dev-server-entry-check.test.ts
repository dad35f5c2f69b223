import { serve as serveHono } from '@photonjs/hono/serve'
import { Hono } from 'hono'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { checkServerEntryInDev, STAND_IN_SERVER } from '../src/runtime/dev-server-entry-check.js'

// The dev-only check of the server entry: a mistake is printed once and answered to every request, instead of
// crashing `vike dev` (the e2e, node/dev-server.spec.ts, drives it in a real dev server).
describe('checkServerEntryInDev', () => {
  afterEach(() => {
    vi.restoreAllMocks()
  })

  it('passes a valid entry through, untouched and silent', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    const entry = serveHono(new Hono())
    expect(checkServerEntryInDev(entry, 'server/index.ts')).toBe(entry)
    expect(error).not.toHaveBeenCalled()
  })

  it('prints the mistake once and stands in with an entry that answers it with a 500 page', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    const standIn = checkServerEntryInDev(new Hono(), 'server/<main>.ts')
    expect(error.mock.calls).toEqual([
      [
        "[vike-photon] The server entry server/<main>.ts exports an object without `server` (a bare Hono app?), not the result of serve(). Replace it with: export default serve(app) — with `serve` from your server's adapter (e.g. '@photonjs/hono').",
      ],
    ])
    expect(standIn.server?.name).toBe(STAND_IN_SERVER)
    for (let i = 0; i < 2; i++) {
      const response = await standIn.fetch!(new Request('http://localhost/about'))
      expect(response.status).toBe(500)
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8')
      expect(await response.text()).toContain('The server entry server/&lt;main&gt;.ts exports an object without')
    }
    expect(error).toHaveBeenCalledTimes(1)
  })
})
