import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { hookHandler } from '../src/plugin/create-plugin.js'
import { headersPlugin } from '../src/targets/cloudflare/headers-plugin.js'

// The `_headers` file vike-photon writes into a Cloudflare build's client folder (the Worker's assets). That
// Cloudflare honours it is checked under `vike preview` in e2e/cloudflare/build.spec.ts.

let outDir: string
afterEach(() => rmSync(outDir, { recursive: true, force: true }))

function writeHeaders(own?: string): string {
  outDir = mkdtempSync(join(tmpdir(), 'vike-photon-headers-'))
  if (own !== undefined) writeFileSync(join(outDir, '_headers'), own)
  const writeBundle = hookHandler(headersPlugin().writeBundle as never) as (this: unknown, options: object) => void
  writeBundle.call({ environment: { config: { build: { outDir, assetsDir: 'assets' } } } }, { dir: outDir })
  return readFileSync(join(outDir, '_headers'), 'utf8')
}

describe('the Cloudflare _headers file', () => {
  it('makes hashed assets immutable', () => {
    expect(writeHeaders()).toBe('/assets/*\n  Cache-Control: public, max-age=31536000, immutable\n')
  })

  it("keeps the app's own rules (public/_headers) and adds the assets rule after them", () => {
    expect(writeHeaders('/admin/*\n  X-Robots-Tag: noindex\n')).toBe(
      '/admin/*\n  X-Robots-Tag: noindex\n\n/assets/*\n  Cache-Control: public, max-age=31536000, immutable\n',
    )
  })

  it('leaves an app rule for /assets/* as the app wrote it', () => {
    const own = '/assets/*\n  Cache-Control: public, max-age=600\n'
    expect(writeHeaders(own)).toBe(own)
  })
})
