import { serve as serveExpress } from '@photonjs/express/serve'
import { serve as serveHono } from '@photonjs/hono/serve'
import express from 'express'
import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { assertServerEntry } from '../src/runtime/assert-server-entry.js'

const check = (entry: unknown) => () => assertServerEntry(entry, 'server/index.ts')

describe('assertServerEntry', () => {
  it('accepts the result of serve() from @photonjs/hono', () => {
    expect(check(serveHono(new Hono()))).not.toThrow()
    expect(check(serveHono(new Hono(), { port: 3000, hostname: '127.0.0.1' }))).not.toThrow()
  })

  it('accepts the result of serve() from @photonjs/express, whose `fetch` getter throws', () => {
    const entry = serveExpress(express())
    expect(() => entry.fetch).toThrow() // the trap: reading `fetch` must be avoided
    expect(check(entry)).not.toThrow()
  })

  it('refuses a missing default export', () => {
    expect(check(undefined)).toThrowErrorMatchingInlineSnapshot(
      `[Error: [vike-photon] The server entry server/index.ts has no default export. Add: export default serve(app) — with \`serve\` from your server's adapter (e.g. '@photonjs/hono').]`,
    )
    expect(check(null)).toThrow(/has no default export/)
  })

  it('refuses a Promise', () => {
    expect(check(Promise.resolve(serveHono(new Hono())))).toThrowErrorMatchingInlineSnapshot(
      `[Error: [vike-photon] The server entry server/index.ts exports a Promise. Await it at the top level: \`export default await startServer()\`, or export default serve(app) — with \`serve\` from your server's adapter (e.g. '@photonjs/hono').]`,
    )
  })

  it('refuses a bare Hono app', () => {
    expect(check(new Hono())).toThrowErrorMatchingInlineSnapshot(
      `[Error: [vike-photon] The server entry server/index.ts exports an object without \`server\` (a bare Hono app?), not the result of serve(). Replace it with: export default serve(app) — with \`serve\` from your server's adapter (e.g. '@photonjs/hono').]`,
    )
  })

  it('refuses a bare Express app', () => {
    expect(check(express())).toThrowErrorMatchingInlineSnapshot(
      `[Error: [vike-photon] The server entry server/index.ts exports a function (an Express app?), not the result of serve(). Replace it with: export default serve(app) — with \`serve\` from your server's adapter (e.g. '@photonjs/express').]`,
    )
  })

  it('refuses an object that only looks like the result of serve()', () => {
    expect(check({ server: { name: 'custom' } })).toThrowErrorMatchingInlineSnapshot(
      `[Error: [vike-photon] The server entry server/index.ts exports an object that is not the result of serve(). Use: export default serve(app) — with \`serve\` from your server's adapter (e.g. '@photonjs/hono').]`,
    )
    expect(check({ server: null, fetch: () => new Response() })).toThrow(/not the result of serve\(\)/)
  })

  it('refuses a value of another type, naming it', () => {
    expect(check('server')).toThrowErrorMatchingInlineSnapshot(
      `[Error: [vike-photon] The server entry server/index.ts exports a string, not the result of serve(). Use: export default serve(app) — with \`serve\` from your server's adapter (e.g. '@photonjs/hono').]`,
    )
    expect(check(3000)).toThrow(/exports a number, not the result of serve\(\)/)
  })
})
