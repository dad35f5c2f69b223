import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { resolveSettings, type SettingsSource } from '../src/plugin/resolve-settings.js'

// A throwaway project: /server/index.ts at the root, /pages/server.ts next to /pages/+config.ts.
let root: string
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'vike-photon-settings-'))
  mkdirSync(join(root, 'server'))
  mkdirSync(join(root, 'pages'))
  writeFileSync(join(root, 'server/index.ts'), 'export default {}')
  writeFileSync(join(root, 'pages/server.ts'), 'export default {}')
})
afterAll(() => rmSync(root, { recursive: true, force: true }))

const resolve = (value: unknown, source: Partial<SettingsSource> = {}) =>
  resolveSettings({
    value,
    definedAt: '/pages/+config.ts',
    definedAtAbsolute: join(root, 'pages/+config.ts'),
    root,
    ...source,
  })

/** Runs `fn`, with the temp root replaced by `<root>` in its error message to keep snapshots stable. */
const withStableRoot = (fn: () => unknown) => () => {
  try {
    fn()
  } catch (error) {
    throw new Error((error as Error).message.replaceAll(root, '<root>'))
  }
}

describe('resolveSettings', () => {
  it('applies the defaults when `photon` is not set', () => {
    expect(resolve(undefined, { definedAt: null, definedAtAbsolute: null })).toEqual({
      server: null,
      hmr: true,
      compress: true,
      static: { cacheControl: 'public, max-age=0, must-revalidate' },
      endpoints: null,
      entries: {},
      standalone: false,
      definedAt: null,
    })
  })

  it('treats null as not set', () => {
    expect(resolve({ server: null, hmr: null, compress: null, static: null })).toMatchObject({
      server: null,
      hmr: true,
      compress: true,
      static: { cacheControl: 'public, max-age=0, must-revalidate' },
    })
  })

  it('keeps explicit values', () => {
    expect(resolve({ hmr: 'prefer-restart', compress: false, static: false })).toMatchObject({
      hmr: 'prefer-restart',
      compress: false,
      static: false,
      definedAt: '/pages/+config.ts',
    })
    expect(resolve({ hmr: false }).hmr).toBe(false)
    expect(resolve({ static: true }).static).toEqual({ cacheControl: 'public, max-age=0, must-revalidate' })
    expect(resolve({ static: { cacheControl: 'public, max-age=60' } }).static).toEqual({
      cacheControl: 'public, max-age=60',
    })
    expect(resolve({ static: {} }).static).toEqual({ cacheControl: 'public, max-age=0, must-revalidate' })
  })

  describe('server', () => {
    it('resolves a path from the project root', () => {
      expect(resolve({ server: 'server/index.ts' }).server).toBe(join(root, 'server/index.ts'))
      expect(resolve({ server: './server/index.ts' }).server).toBe(join(root, 'server/index.ts'))
    })

    it('resolves a path without extension', () => {
      expect(resolve({ server: 'server/index' }).server).toBe(join(root, 'server/index.ts'))
    })

    it('resolves a path relative to the +config file that sets it', () => {
      expect(resolve({ server: 'server.ts' }).server).toBe(join(root, 'pages/server.ts'))
      expect(resolve({ server: './server' }).server).toBe(join(root, 'pages/server.ts'))
      expect(resolve({ server: '../server/index.ts' }).server).toBe(join(root, 'server/index.ts'))
    })

    it('prefers the project root over the +config folder', () => {
      writeFileSync(join(root, 'server.ts'), 'export default {}')
      try {
        expect(resolve({ server: 'server.ts' }).server).toBe(join(root, 'server.ts'))
      } finally {
        rmSync(join(root, 'server.ts'))
      }
    })

    it('accepts an absolute path', () => {
      expect(resolve({ server: join(root, 'server/index.ts') }).server).toBe(join(root, 'server/index.ts'))
    })

    it('names the paths tried, the +config file and the fix when the file is missing', () => {
      expect(withStableRoot(() => resolve({ server: 'server/missing.ts' }))).toThrowErrorMatchingInlineSnapshot(`
        [Error: [vike-photon] Invalid \`photon\` setting in /pages/+config.ts:
          - \`photon.server\` is 'server/missing.ts' but no such file exists (tried server/missing.ts, pages/server/missing.ts). Create that file, or fix the path: it is resolved from the project root, or relative to the file that sets it.]
      `)
    })

    it('lists every extension it tried for a path without extension', () => {
      expect(withStableRoot(() => resolve({ server: 'src/server' }))).toThrowErrorMatchingInlineSnapshot(`
        [Error: [vike-photon] Invalid \`photon\` setting in /pages/+config.ts:
          - \`photon.server\` is 'src/server' but no such file exists (tried src/server.ts, src/server.js, src/server.mts, src/server.mjs, src/server.tsx, src/server.jsx, pages/src/server.ts, pages/src/server.js, pages/src/server.mts, pages/src/server.mjs, pages/src/server.tsx, pages/src/server.jsx). Create that file, or fix the path: it is resolved from the project root, or relative to the file that sets it.]
      `)
    })

    it.each([
      ['an empty string', ''],
      ['a number', 3000],
      ['an object', { entry: 'server/index.ts' }],
    ])('refuses %s', (_, server) => {
      expect(() => resolve({ server })).toThrow(/`photon\.server` must be a path such as 'server\/index\.ts', got /)
    })
  })

  it('refuses a `photon` that is not an object', () => {
    expect(() => resolve('server/index.ts')).toThrowErrorMatchingInlineSnapshot(
      `[VikePhotonError: [vike-photon] \`photon\` in /pages/+config.ts must be an object such as \`{ server: 'server/index.ts' }\`, got 'server/index.ts'.]`,
    )
    expect(() => resolve(null)).toThrow(/must be an object .* got null\./)
    expect(() => resolve([])).toThrow(/must be an object .* got an array\./)
  })

  it('collects every violation into one error', () => {
    expect(
      withStableRoot(() =>
        resolve({
          server: 'nope.ts',
          hmr: 'restart',
          compress: 'yes',
          static: 'dist/client',
          port: 3000,
        }),
      ),
    ).toThrowErrorMatchingInlineSnapshot(`
      [Error: [vike-photon] Invalid \`photon\` setting in /pages/+config.ts:
        - \`photon.port\` is not a setting of vike-photon (known: server, hmr, compress, static, endpoints, entries, standalone).
        - \`photon.server\` is 'nope.ts' but no such file exists (tried nope.ts, pages/nope.ts). Create that file, or fix the path: it is resolved from the project root, or relative to the file that sets it.
        - \`photon.hmr\` must be true, false or 'prefer-restart', got 'restart'.
        - \`photon.compress\` must be true or false, got 'yes'.
        - \`photon.static\` must be true, false or \`{ cacheControl }\`, got 'dist/client'.]
    `)
  })

  it('names the setting a misspelled key was meant to be', () => {
    expect(() =>
      resolve({ sever: 'server/index.ts', static: { cachecontrol: 'no-cache' }, standalone: { minfy: true } }),
    ).toThrowErrorMatchingInlineSnapshot(`
      [VikePhotonError: [vike-photon] Invalid \`photon\` setting in /pages/+config.ts:
        - \`photon.sever\` is not a setting of vike-photon (known: server, hmr, compress, static, endpoints, entries, standalone). Did you mean \`photon.server\`?
        - \`photon.static.cachecontrol\` is not a setting of vike-photon (known: cacheControl). Did you mean \`photon.static.cacheControl\`?
        - \`photon.standalone.minfy\` is not a setting of vike-photon (known: bundle, minify, trace, external). Did you mean \`photon.standalone.minify\`?]
    `)
  })

  it('reports unknown keys inside `static`', () => {
    expect(() => resolve({ static: { maxAge: 60, cacheControl: 'no-cache' } })).toThrowErrorMatchingInlineSnapshot(`
      [VikePhotonError: [vike-photon] Invalid \`photon\` setting in /pages/+config.ts:
        - \`photon.static.maxAge\` is not a setting of vike-photon (known: cacheControl).]
    `)
  })

  it.each([
    ['hmr', { hmr: 'always' }, /`photon\.hmr` must be true, false or 'prefer-restart', got 'always'\./],
    ['hmr', { hmr: 1 }, /`photon\.hmr` must be true, false or 'prefer-restart', got 1\./],
    ['compress', { compress: 'gzip' }, /`photon\.compress` must be true or false, got 'gzip'\./],
    ['static', { static: 'public' }, /`photon\.static` must be true, false or `\{ cacheControl \}`, got 'public'\./],
    ['static', { static: [] }, /`photon\.static` must be true, false or `\{ cacheControl \}`, got an array\./],
    [
      'static.cacheControl',
      { static: { cacheControl: 60 } },
      /`photon\.static\.cacheControl` must be a string, got 60\./,
    ],
  ])('refuses a wrong type for %s', (_, value, message) => {
    expect(() => resolve(value)).toThrow(message)
  })

  describe('standalone', () => {
    it('is off by default and takes true for the defaults', () => {
      expect(resolve({}).standalone).toBe(false)
      expect(resolve({ standalone: false }).standalone).toBe(false)
      expect(resolve({ standalone: true }).standalone).toEqual({
        bundle: false,
        minify: false,
        trace: true,
        external: [],
      })
    })

    it("keeps standaloner's options", () => {
      expect(
        resolve({ standalone: { minify: true, trace: false, external: ['sharp', /^@prisma\//] } }).standalone,
      ).toEqual({
        bundle: false,
        minify: true,
        trace: false,
        external: ['sharp', /^@prisma\//],
      })
    })

    it("accepts vike-node's `esbuild` options (with a warning) and builds standalone anyway", () => {
      expect(resolve({ standalone: { esbuild: { minify: true } } }).standalone).toMatchObject({ trace: true })
    })

    it('names every wrong option', () => {
      expect(() =>
        resolve({ standalone: { bundle: 'yes', external: 'sharp', outDir: 'build' } }),
      ).toThrowErrorMatchingInlineSnapshot(`
        [VikePhotonError: [vike-photon] Invalid \`photon\` setting in /pages/+config.ts:
          - \`photon.standalone.bundle\` must be true or false, got 'yes'.
          - \`photon.standalone.external\` must be a list of package names or RegExps, got 'sharp'.
          - \`photon.standalone.outDir\` is not a setting of vike-photon (known: bundle, minify, trace, external).]
      `)
      expect(() => resolve({ standalone: 'node' })).toThrow(
        /`photon\.standalone` must be true, false or `\{ bundle, minify, trace, external \}`, got 'node'\./,
      )
    })
  })
})
