import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect, it } from 'vitest'
import { knownGoodVersions } from '../src/versions.js'

// The versions migrate writes follow the workspace's pnpm catalog (vite is the documented exception).
it('known-good versions match the pnpm catalog', () => {
  const workspace = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '../../pnpm-workspace.yaml'), 'utf8')
  const catalog = new Map(
    [...workspace.matchAll(/^ {2}'?([@\w/.-]+)'?: ([\d.]+)$/gm)].map((m) => [m[1]!, m[2]!] as [string, string]),
  )
  const mismatches = Object.entries(knownGoodVersions).filter(
    ([name, version]) => name !== 'vite' && catalog.has(name) && catalog.get(name) !== version,
  )
  expect(mismatches).toEqual([])
})
