import { describe, expect, it } from 'vitest'
import { isVikeDeprecationWarning } from '../src/plugin/vike-deprecation-warning.js'

describe("the filter of Vike's deprecation warning", () => {
  const line = '[vike][Warning] vike-photon is deprecated, see https://vike.dev/migration/server'

  it('matches the line Vike 0.4.266 prints, coloured or not, and the Error it prints with a stack trace', () => {
    expect(isVikeDeprecationWarning(line)).toBe(true)
    expect(
      isVikeDeprecationWarning(
        '\x1b[33m[vike][Warning]\x1b[39m \x1b[36mvike-photon\x1b[39m is deprecated, see \x1b[4mhttps://vike.dev/migration/server\x1b[24m',
      ),
    ).toBe(true)
    expect(isVikeDeprecationWarning(new Error(line))).toBe(true)
    expect(isVikeDeprecationWarning(`1:19:07 PM ${line}`)).toBe(true)
    expect(isVikeDeprecationWarning(`13:19:07 ${line}`)).toBe(true)
  })

  it('lets everything else through: the same warning about vike-server, other warnings, other arguments', () => {
    expect(isVikeDeprecationWarning(line.replace('vike-photon', 'vike-server'))).toBe(false)
    expect(isVikeDeprecationWarning('[vike][Warning] Vite 6.2.3 is not supported')).toBe(false)
    expect(isVikeDeprecationWarning(`${line} and something else`)).toBe(false)
    expect(isVikeDeprecationWarning(undefined)).toBe(false)
  })
})
