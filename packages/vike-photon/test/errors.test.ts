import { inspect } from 'node:util'
import { describe, expect, it } from 'vitest'
import { closest } from '../src/did-you-mean.js'
import { isDebug, VikePhotonError } from '../src/errors.js'

describe('VikePhotonError, as Vike and Vite print it (console.error → inspect)', () => {
  const error = new VikePhotonError('Invalid `photon` setting in /pages/+config.ts:\n  - `photon.sever` is …')

  it('shows the message alone, and how to get the stack', () => {
    const before = process.env.DEBUG
    delete process.env.DEBUG
    try {
      expect(inspect(error)).toMatchInlineSnapshot(`
        "[vike-photon] Invalid \`photon\` setting in /pages/+config.ts:
          - \`photon.sever\` is …
        (DEBUG=vike-photon shows the stack trace)"
      `)
    } finally {
      if (before !== undefined) process.env.DEBUG = before
    }
  })

  it('shows the stack with DEBUG=vike-photon', () => {
    const before = process.env.DEBUG
    process.env.DEBUG = 'vike-photon'
    try {
      expect(inspect(error)).toMatch(/^VikePhotonError: \[vike-photon\] Invalid `photon` setting[\s\S]*\n {4}at /)
    } finally {
      if (before === undefined) delete process.env.DEBUG
      else process.env.DEBUG = before
    }
  })

  it('reads DEBUG like the debug package does', () => {
    expect(isDebug({ DEBUG: 'vike-photon' })).toBe(true)
    expect(isDebug({ DEBUG: 'vite:*,vike-photon' })).toBe(true)
    expect(isDebug({ DEBUG: '*' })).toBe(true)
    expect(isDebug({ DEBUG: 'vike' })).toBe(false)
    expect(isDebug({})).toBe(false)
  })
})

describe('did you mean', () => {
  it('finds close names and only those', () => {
    expect(closest('sever', ['server', 'hmr', 'static'])).toBe('server')
    expect(closest('--dryrun', ['--dry-run', '--json'])).toBe('--dry-run')
    expect(closest('migrat', ['migrate'])).toBe('migrate')
    expect(closest('cachecontrol', ['cacheControl'])).toBe('cacheControl')
    expect(closest('port', ['server', 'hmr', 'compress', 'static'])).toBeUndefined()
  })
})
