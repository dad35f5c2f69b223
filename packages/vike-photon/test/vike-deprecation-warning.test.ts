import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { describe, expect, it, vi } from 'vitest'
import { vikePhotonPlugins } from '../src/plugin/index.js'
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

describe("Vike's deprecation warning with vike-photon's plugins installed", () => {
  it('is neither printed nor formatted by vike 0.4.266 (its timestamp alone cost 15 ms of every build)', async () => {
    vikePhotonPlugins()
    // The module of Vike that warns, loaded as Vike loads it (vike/dist/node/vite/plugins/pluginUniversalDeploy).
    const vikeDir = fileURLToPath(new URL('../node_modules/vike/', import.meta.url))
    const { hasVikeServerOrVikePhoton } = await import(
      pathToFileURL(join(vikeDir, 'dist/node/vite/plugins/pluginUniversalDeploy/detectDeprecated.js')).href
    )
    const warn = vi.spyOn(console, 'warn')
    const timestamp = vi.spyOn(Date.prototype, 'toLocaleTimeString')
    try {
      const vikeConfig = { _extensions: [{ isConfigFile: true, fileExportsByConfigName: { name: 'vike-photon' } }] }
      // Vike still sees vike-photon (that is what switches its own `+server` off)...
      expect(hasVikeServerOrVikePhoton(vikeConfig)).toBe(true)
      // ...and says nothing about it.
      expect(warn).not.toHaveBeenCalled()
      expect(timestamp).not.toHaveBeenCalled()
    } finally {
      warn.mockRestore()
      timestamp.mockRestore()
    }
  })
})
