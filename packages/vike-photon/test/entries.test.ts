import { describe, expect, it } from 'vitest'
import type { PageEntry } from '../src/plugin/context.js'
import type { EndpointEntry } from '../src/plugin/endpoints.js'
import {
  CATCH_ALL_ENTRY,
  endpointEntryName,
  handlerModuleId,
  pageEntryName,
  parseEntryName,
  parseHandlerModuleId,
  parsePhotonEntryMiddlewaresId,
  parsePhotonServerWithEntryId,
  parseUnitModuleId,
  UNIT_FALLBACK_ID,
  unitGlobalEntryId,
  unitServerEntryId,
} from '../src/plugin/entry-ids.js'
import { withUnitFallback } from '../src/plugin/per-page-units.js'
import { type PageDeployPlan, planEntries } from '../src/plugin/plan-entries.js'
import { cloudflareTarget } from '../src/targets/cloudflare/index.js'
import { netlifyTarget } from '../src/targets/netlify/index.js'
import { nodeTarget } from '../src/targets/node/index.js'
import type { UnitsCapability } from '../src/targets/types.js'
import { vercelTarget } from '../src/targets/vercel/index.js'

const page = (pageId: string, route: string | null): PageEntry => ({
  pageId,
  name: pageEntryName(pageId),
  route,
  id: handlerModuleId(pageEntryName(pageId)),
})
const index = page('/pages/index', '/')
const about = page('/pages/about', '/about')
const isr = page('/pages/isr', '/isr')
const edge = page('/pages/edge', '/edge')
const viaFunction = page('/pages/route-function', null)
const endpoint: EndpointEntry = {
  name: endpointEntryName('/api/hello'),
  id: '/app/server/api/hello.ts',
  route: '/api/hello',
  path: 'api/hello',
}
const deploy = (pageId: string, plan: Partial<PageDeployPlan>): PageDeployPlan => ({
  pageId,
  isr: null,
  edge: false,
  prerendered: false,
  ...plan,
})

describe('entry names and virtual ids', () => {
  it('encodes and parses back every name and id', () => {
    expect(parseEntryName(pageEntryName('/pages/about'))).toEqual({ kind: 'page', pageId: '/pages/about' })
    expect(parseEntryName(endpointEntryName('/api/users/:id'))).toEqual({ kind: 'endpoint', route: '/api/users/:id' })
    expect(parseEntryName(CATCH_ALL_ENTRY)).toEqual({ kind: 'catch-all' })
    expect(parseEntryName('my-own-entry')).toBeNull()
    expect(parseHandlerModuleId(`\0${handlerModuleId(CATCH_ALL_ENTRY)}`)).toBe(CATCH_ALL_ENTRY)
    expect(parseHandlerModuleId(handlerModuleId(pageEntryName('/pages/a')))).toBe(pageEntryName('/pages/a'))
    expect(parseHandlerModuleId('virtual:vike-photon:runtime-settings')).toBeNull()
    expect(parseUnitModuleId(`\0${unitServerEntryId('/pages/a')}`)).toEqual({
      kind: 'server-entry',
      pageId: '/pages/a',
    })
    expect(parseUnitModuleId(unitGlobalEntryId('/pages/a'))).toEqual({ kind: 'global-entry', pageId: '/pages/a' })
    expect(parseUnitModuleId(UNIT_FALLBACK_ID)).toEqual({ kind: 'fallback' })
  })

  it("reads back Photon's ids (@photonjs/core 0.1.22) with entry names that contain colons", () => {
    expect(
      parsePhotonServerWithEntryId('virtual:photon:server-entry-with-entry:edge:vike-photon:page:/pages/e'),
    ).toEqual({ condition: 'edge', entryName: 'vike-photon:page:/pages/e' })
    expect(parsePhotonEntryMiddlewaresId('virtual:photon:get-middlewares:node:hono:vike-photon:page:/pages/a')).toEqual(
      {
        condition: 'node',
        entryName: 'vike-photon:page:/pages/a',
      },
    )
    // The server's own list (every entry) is no unit's.
    expect(parsePhotonEntryMiddlewaresId('virtual:photon:get-middlewares:node:hono')).toBeNull()
  })
})

// The capability sets the planner reads (`capabilities.units` of a target row), by what they mean, not by target.
const serverFiles: UnitsCapability = { functions: false, bundle: 'server-build' }
const serverBuiltFunctions: UnitsCapability = { functions: true, bundle: 'server-build' }
const adapterFunctions: UnitsCapability = { functions: true, bundle: 'photon-adapter' }

describe('planEntries', () => {
  it("reads each target's units capability, not its name", () => {
    expect(nodeTarget.capabilities.units).toEqual(serverFiles)
    expect(netlifyTarget.capabilities.units).toEqual(serverBuiltFunctions)
    expect(vercelTarget.capabilities.units).toEqual(adapterFunctions)
    expect(cloudflareTarget.capabilities.units).toBe(false)
  })

  it('Node: one entry per routed page, the catch-all, the endpoints; photonUnit pages are units', () => {
    const plan = planEntries({
      units: serverFiles,
      pages: [index, about, viaFunction],
      endpoints: [endpoint],
      userEntries: { mine: './server/mine.ts' },
      photonUnits: new Set([about.pageId]),
    })
    expect(plan.entries).toEqual({
      mine: './server/mine.ts',
      [index.name]: { id: index.id, type: 'universal-handler', route: '/' },
      // A unit also answers its page-context request.
      [about.name]: { id: about.id, type: 'universal-handler', route: '/about/**' },
      [CATCH_ALL_ENTRY]: { id: handlerModuleId(CATCH_ALL_ENTRY), type: 'universal-handler', route: '/**' },
      [endpoint.name]: { id: endpoint.id, type: 'universal-handler', route: '/api/hello' },
    })
    expect(plan.units).toEqual([about])
    expect(plan.serverOnly).toEqual([])
  })

  it('units as files of the server build: ISR and edge plans make no unit, only photonUnit does', () => {
    const plan = planEntries({
      units: serverFiles,
      pages: [index, about, isr],
      endpoints: [endpoint],
      photonUnits: new Set([about.pageId]),
      deployPlans: [deploy(isr.pageId, { isr: { expiration: 60 } })],
    })
    expect(plan.units).toEqual([about])
    expect(plan.entries[isr.name]).toEqual({ id: isr.id, type: 'universal-handler', route: '/isr' })
  })

  it('Netlify (functions written from the server build): every page with a function of its own is a unit, with no adapter options and nothing server-only', () => {
    const plan = planEntries({
      units: serverBuiltFunctions,
      pages: [index, about, isr, edge],
      endpoints: [endpoint],
      photonUnits: new Set([about.pageId]),
      deployPlans: [deploy(isr.pageId, { isr: { expiration: 60 } }), deploy(edge.pageId, { edge: true })],
    })
    expect(plan.units.map((unit) => unit.pageId)).toEqual([about.pageId, isr.pageId, edge.pageId])
    expect(plan.entries[about.name]).toEqual({ id: about.id, type: 'universal-handler', route: '/about/**' })
    expect(plan.entries[index.name]).toEqual({ id: index.id, type: 'universal-handler', route: '/' })
    expect(plan.entries[endpoint.name]).toEqual({ id: endpoint.id, type: 'universal-handler', route: '/api/hello' })
    expect(plan.serverOnly).toEqual([])
  })

  it('Vercel: every page with a function of its own (ISR, edge, photonUnit) is a unit, by default', () => {
    const plan = planEntries({
      units: adapterFunctions,
      pages: [index, about, isr, edge],
      endpoints: [endpoint],
      photonUnits: new Set(),
      deployPlans: [deploy(isr.pageId, { isr: { expiration: 60 } }), deploy(edge.pageId, { edge: true })],
    })
    expect(plan.units.map((unit) => unit.pageId)).toEqual([isr.pageId, edge.pageId])
    expect(plan.entries[isr.name]).toEqual({
      id: isr.id,
      type: 'universal-handler',
      route: '/isr/**',
      vercel: {
        destination: '_vike/pages/isr',
        route: '/isr(?:/index\\.pageContext\\.json)?',
        enforce: 'pre',
        isr: { expiration: 60 },
      },
    })
    expect(plan.entries[edge.name]).toMatchObject({ route: '/edge/**', vercel: { edge: true } })
    expect(plan.entries[endpoint.name]).toMatchObject({ vercel: { destination: 'api/hello', enforce: 'pre' } })
    // The rest stays in the server function.
    expect(plan.serverOnly).toEqual([index.name, about.name, CATCH_ALL_ENTRY])
  })

  it('Vercel: a pre-rendered page is a static file, never a function, even with photonUnit', () => {
    const plan = planEntries({
      units: adapterFunctions,
      pages: [about],
      endpoints: [],
      photonUnits: new Set([about.pageId]),
      deployPlans: [deploy(about.pageId, { prerendered: true })],
    })
    expect(plan.units).toEqual([])
    expect(plan.serverOnly).toContain(about.name)
  })

  it('Cloudflare: no units (one Worker holds every page)', () => {
    const plan = planEntries({
      units: false,
      pages: [about],
      endpoints: [],
      photonUnits: new Set([about.pageId]),
    })
    expect(plan.units).toEqual([])
    expect(plan.entries[about.name]).toMatchObject({ route: '/about' })
  })
})

describe('withUnitFallback', () => {
  const photonList = [
    "import u0 from 'virtual:vike-photon:handler:vike-photon:page:/pages/a';",
    'export function getUniversalEntries() {',
    '  return [extractUniversal(u0, "virtual:vike-photon:handler:vike-photon:page:/pages/a", errorMessageEntry)].flat(1);',
    '}',
  ].join('\n')

  it("appends the unit's fallback after the page's handler", () => {
    const code = withUnitFallback(photonList)
    expect(code).toContain(`import __vikePhotonUnitFallback from "${UNIT_FALLBACK_ID}";`)
    expect(code).toContain(
      `errorMessageEntry), extractUniversal(__vikePhotonUnitFallback, "${UNIT_FALLBACK_ID}", errorMessageEntry)].flat(1);`,
    )
  })

  it('fails loudly when Photon generates another list', () => {
    expect(() => withUnitFallback('export const x = 1')).toThrow(/getUniversalEntries/)
  })
})
