import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import jscodeshift from 'jscodeshift'
import { applyTransform } from 'jscodeshift/src/testUtils.js'
import { describe, expect, it } from 'vitest'
import {
  CLOUDFLARE_COMPATIBILITY_DATE,
  CLOUDFLARE_MINIMUM_DATES,
  KNOWN_GOOD_VERSIONS,
  VIKE_SET_VERSIONS,
  VITE_PEER_VERSIONS,
  VITE_PLUGIN_VERSIONS,
} from '../../packages/vike-photon/src/facts.js'
import { createContext } from '../src/context.js'
import { minimumCompatibilityDate } from '../src/lib/compatibility-date.js'
import { literalValue, NOT_LITERAL, photonSettingProblems } from '../src/lib/photon-setting.js'
import { transforms } from '../src/transforms/index.js'
import { defaultVikePhotonVersion, knownGoodVersions, rangeFor } from '../src/versions.js'

const here = dirname(fileURLToPath(import.meta.url))
const repo = join(here, '../..')
const read = (path: string) => readFileSync(join(repo, path), 'utf8')

// The versions migrate writes follow the workspace's pnpm catalog (vite is the documented exception).
it('known-good versions match the pnpm catalog', () => {
  const catalog = new Map(
    [...read('pnpm-workspace.yaml').matchAll(/^ {2}"?'?([@\w/.-]+)"?'?: ([\d.]+)$/gm)].map(
      (m) => [m[1]!, m[2]!] as [string, string],
    ),
  )
  const mismatches = Object.entries(knownGoodVersions).filter(
    ([name, version]) => name !== 'vite' && catalog.has(name) && catalog.get(name) !== version,
  )
  expect(mismatches).toEqual([])
  expect(catalog.get('@hono/node-server')).toBe(knownGoodVersions['@hono/node-server'])
})

describe('vike-photon version (issue: an unrelated vike-photon 0.1.26 is on the registry)', () => {
  const { version } = JSON.parse(read('packages/vike-photon/package.json')) as { version: string }

  it('is the version facts.ts gives migrate when the CLI passes none', () => {
    expect(defaultVikePhotonVersion).toBe(version)
  })

  it('is above every 0.1.x, and the range migrate writes excludes 0.1.x', () => {
    expect(version).not.toMatch(/^0\.[01]\./)
    expect(rangeFor(version)).toBe(`^${version}`)
    // For 0.x, a caret range stays on one minor: ^0.2.0 is >=0.2.0 <0.3.0.
    expect(satisfies('0.1.26', rangeFor(version))).toBe(false)
    expect(satisfies(version, rangeFor(version))).toBe(true)
  })

  // Every `"vike-photon": "…"` entry and install command in the docs is ours; the docs quote the earlier
  // package's range in prose (`vike-photon` 0.1.x, e.g. `^0.1.26`), never as an entry a reader could copy.
  it('the docs install and list this version range', () => {
    const docs = readdirSync(join(repo, 'docs'))
      .filter((f) => f.endsWith('.md'))
      .map((f) => [`docs/${f}`, read(`docs/${f}`)] as const)
    const written = docs.flatMap(([file, text]) => [
      ...[...text.matchAll(/"vike-photon": "([^"]+)"/g)].map((m) => [file, m[1]!] as const),
      ...[...text.matchAll(/(?:npm install|pnpm add|yarn add)[^\n]*\bvike-photon(@[^\s]+)?/g)].map(
        (m) => [file, m[1]?.slice(1) ?? '(no range)'] as const,
      ),
    ])
    expect(written.length).toBeGreaterThan(0)
    expect(written.filter(([, range]) => range !== rangeFor(version))).toEqual([])
  })

  it('package.json gets that range', () => {
    const out = runPackageJson(
      JSON.stringify({ dependencies: { vike: '^0.4.266', vite: '^7.3.8', 'vike-server': '^1.0.0' } }),
      { vikePhotonVersion: version },
    )
    expect(JSON.parse(out).dependencies['vike-photon']).toBe(`^${version}`)
  })
})

describe('peer ranges of the versions migrate writes (test/peers.json, from `npm view`)', () => {
  const peers = JSON.parse(readFileSync(join(here, 'peers.json'), 'utf8')) as Record<
    string,
    { peerDependencies: Record<string, string>; engines: Record<string, string> }
  >
  const written: Record<string, string> = {
    ...KNOWN_GOOD_VERSIONS,
    ...VIKE_SET_VERSIONS.integrations,
    ...Object.fromEntries(
      Object.values(VIKE_SET_VERSIONS.peers).flatMap((libs) => Object.entries(libs).map(([n, l]) => [n, l.version])),
    ),
    ...VITE_PLUGIN_VERSIONS,
    ...Object.fromEntries(Object.entries(VITE_PEER_VERSIONS).map(([n, l]) => [n, l.version])),
  }
  const entries = Object.entries(written)

  it('has a snapshot for every version (refresh: codemods/scripts/snapshot-peers.ts)', () => {
    expect(entries.map(([n, v]) => `${n}@${v}`).filter((key) => !peers[key])).toEqual([])
  })

  it.each(entries)('%s@%s accepts the other versions migrate writes, and Node 20.19', (name, version) => {
    const { peerDependencies, engines } = peers[`${name}@${version}`]!
    const refused = Object.entries(peerDependencies)
      .filter(([peer]) => written[peer] !== undefined)
      .filter(([peer, range]) => !satisfies(written[peer]!, range))
      .map(([peer, range]) => `${peer}@${written[peer]} not in ${range}`)
    expect(refused).toEqual([])
    if (engines.node) expect(satisfies('20.19.0', engines.node)).toBe(true)
  })

  it('vike-photon accepts the vike and vite migrate writes', () => {
    const { peerDependencies } = JSON.parse(read('packages/vike-photon/package.json')) as {
      peerDependencies: Record<string, string>
    }
    expect(satisfies(written.vike!, peerDependencies.vike!)).toBe(true)
    expect(satisfies(written.vite!, peerDependencies.vite!)).toBe(true)
  })
})

it('wrangler 3 is raised to wrangler 4.86.0 exactly (a ^4.86.0 range resolves to a wrangler that needs Node 22)', () => {
  const out = runPackageJson(
    JSON.stringify({
      dependencies: { vike: '^0.4.266', vite: '^7.3.8', 'vike-cloudflare': '^0.2.8' },
      devDependencies: { wrangler: '^3.114.0' },
    }),
    {},
  )
  expect(JSON.parse(out).devDependencies.wrangler).toBe('4.86.0')
})

describe('Cloudflare compatibility date', () => {
  it('the created date is accepted by the extension and recent enough for React 19', () => {
    expect(CLOUDFLARE_COMPATIBILITY_DATE >= CLOUDFLARE_MINIMUM_DATES.react19).toBe(true)
  })

  it('React apps need MessageChannel, others nodejs_compat v2', () => {
    expect(minimumCompatibilityDate(JSON.stringify({ dependencies: { 'vike-react': '^0.5.0' } }))).toBe('2025-08-15')
    expect(minimumCompatibilityDate(JSON.stringify({ dependencies: { 'react-dom': '^19.1.0' } }))).toBe('2025-08-15')
    expect(minimumCompatibilityDate(JSON.stringify({ dependencies: { 'vike-vue': '^0.9.0' } }))).toBe('2024-09-23')
  })

  it('a raised date is said in the migrate summary', () => {
    const ctx = createContext()
    const source = 'name = "w"\ncompatibility_date = "2024-04-01"\ncompatibility_flags = ["nodejs_compat"]\n'
    const out = applyTransform(transforms['wrangler-toml'], { ctx }, { source, path: 'wrangler.toml' })
    expect(out).toContain('compatibility_date = "2024-09-23"')
    expect(ctx.reportedTodos).toEqual([
      {
        file: 'wrangler.toml',
        line: 2,
        message:
          'compatibility_date was raised from 2024-04-01 to 2024-09-23 ("nodejs_compat" before that date is the v1 mode that wrangler 4 refuses): check the runtime changes between them at https://developers.cloudflare.com/workers/configuration/compatibility-flags/',
      },
    ])
  })
})

describe("every `photon` setting migrate writes passes vike-photon's own resolver", () => {
  const fixtures = join(here, '../src/transforms/__testfixtures__')
  const outputs = readdirSync(fixtures).flatMap((transform) =>
    readdirSync(join(fixtures, transform))
      .filter((f) => /\.output\.[cm]?[jt]sx?$/.test(f))
      .map((f) => `${transform}/${f}`),
  )
  const j = jscodeshift.withParser('tsx')

  it.each(outputs)('%s', (file) => {
    const problems: string[] = []
    j(readFileSync(join(fixtures, file), 'utf8'))
      .find(j.ObjectProperty, { key: { name: 'photon' } })
      .forEach((path) => {
        const value = path.node.value as {
          type: string
          properties?: { type: string; key?: { name?: string }; value: unknown }[]
        }
        if (value.type !== 'ObjectExpression') return
        // Keys whose value only the app's build can compute (a condition, a call) are left to it.
        const literal: Record<string, unknown> = {}
        for (const prop of value.properties ?? []) {
          const v = prop.type === 'ObjectProperty' ? literalValue(prop.value as never) : NOT_LITERAL
          if (v !== NOT_LITERAL && prop.key?.name) literal[prop.key.name] = v
        }
        problems.push(...photonSettingProblems(literal))
      })
    expect(problems).toEqual([])
  })

  it('the resolver does refuse what vike-node and vike-server accepted', () => {
    expect(photonSettingProblems({ compress: 'static' })).toEqual([
      "`photon.compress` must be true or false, got 'static'.",
    ])
  })
})

function runPackageJson(source: string, options: Record<string, unknown>): string {
  return applyTransform(transforms['package-json'], options, { source, path: 'package.json' })
}

/** Enough of semver's `satisfies` for peer and engine ranges: `||`, `^`, `~`, `>=`, `>`, `<`, `<=`, `x.y.z`, `^4`. */
function satisfies(version: string, range: string): boolean {
  const v = parse(version)
  return range.split('||').some((part) =>
    part
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .every((comparator) => {
        const m = /^(\^|~|>=|<=|>|<|=)?v?(\d+)(?:\.(\d+|x|\*))?(?:\.(\d+|x|\*))?(?:-[\w.-]+)?$/.exec(comparator)
        if (!m) throw new Error(`unsupported range ${range}`)
        const op = m[1] ?? '='
        const b = [Number(m[2]), m[3] && /\d/.test(m[3]) ? Number(m[3]) : 0, m[4] && /\d/.test(m[4]) ? Number(m[4]) : 0]
        const c = compare(v, b)
        if (op === '>=') return c >= 0
        if (op === '>') return c > 0
        if (op === '<=') return c <= 0
        if (op === '<') return c < 0
        if (op === '~') return c >= 0 && v[0] === b[0] && v[1] === b[1]
        if (op === '^') {
          if (c < 0) return false
          if (b[0]! > 0 || m[3] === undefined) return v[0] === b[0]
          if (b[1]! > 0 || m[4] === undefined) return v[0] === 0 && v[1] === b[1]
          return v[0] === 0 && v[1] === 0 && v[2] === b[2]
        }
        // `=` with missing parts means "that major" or "that minor" (e.g. `4`, `4.1`).
        if (m[3] === undefined) return v[0] === b[0]
        if (m[4] === undefined) return v[0] === b[0] && v[1] === b[1]
        return c === 0
      }),
  )
}

function parse(version: string): number[] {
  return version.split('.').map((n) => Number.parseInt(n, 10))
}

function compare(a: number[], b: number[]): number {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return (a[i] ?? 0) - (b[i] ?? 0)
  return 0
}
