import { describe, expect, it } from 'vitest'
import { type CpuProfile, compareSummaries, groupOf, shortSource, summarizeProfile } from './cpuprofile'

const frame = (functionName: string, url = '', lineNumber = 0) => ({ functionName, url, lineNumber, columnNumber: 0 })

const profile: CpuProfile = {
  nodes: [
    { id: 1, callFrame: frame('(root)') },
    { id: 2, callFrame: frame('(idle)') },
    {
      id: 3,
      callFrame: frame('dispatch', 'file:///app/node_modules/.pnpm/hono@4/node_modules/hono/dist/hono-base.js', 9),
    },
    { id: 4, callFrame: frame('write', 'node:_http_outgoing') },
    { id: 5, callFrame: frame('(garbage collector)') },
    { id: 6, callFrame: frame('bundled', 'file:///app/dist/server/index.mjs', 99) },
  ],
  samples: [2, 3, 3, 4, 5, 6],
  timeDeltas: [1000, 100, 100, 50, 25, 10],
}

describe('summarizeProfile', () => {
  it('adds self time per function and per group, without idle time', () => {
    const summary = summarizeProfile(profile)
    expect(summary.busyUs).toBe(285)
    expect(Object.fromEntries(summary.byGroup)).toEqual({
      hono: 200,
      'node: http': 50,
      'V8: garbage collector': 25,
      'server bundle (index.mjs)': 10,
    })
    expect(summary.functions[0]).toEqual({ key: 'dispatch (hono/dist/hono-base.js:10)', group: 'hono', selfUs: 200 })
  })

  it('attributes bundled code to its original source through the resolver', () => {
    const summary = summarizeProfile(profile, (url, line) =>
      url.endsWith('/dist/server/index.mjs') && line === 99
        ? { source: '../../node_modules/@photonjs/core/dist/serve.js', line: 4 }
        : undefined,
    )
    expect(summary.byGroup.get('@photonjs/core')).toBe(10)
    expect(summary.functions.map((f) => f.key)).toContain('bundled (@photonjs/core/dist/serve.js:5)')
  })
})

describe('compareSummaries', () => {
  // B: the same profile with twice the time in hono and a function of its own.
  const other: CpuProfile = {
    nodes: [...profile.nodes, { id: 7, callFrame: frame('extra', 'file:///b/node_modules/srvx/dist/node.mjs', 4) }],
    samples: [...profile.samples, 3, 3, 7],
    timeDeltas: [...profile.timeDeltas, 100, 100, 40],
  }

  it('gives per-request time of both sides, ordered by the largest difference', () => {
    const rows = compareSummaries(summarizeProfile(profile), summarizeProfile(other), { a: 10, b: 20 }, 'group')
    // Per request: B served twice A's requests, so the same time in node:http is half as much per request.
    expect(rows[0]).toEqual({ key: 'node: http', a: 5, b: 2.5, delta: -2.5 })
    expect(rows[1]).toEqual({ key: 'srvx', a: 0, b: 2, delta: 2 })
    // Twice the time for twice the requests: no difference, last.
    expect(rows.at(-1)).toEqual({ key: 'hono', a: 20, b: 20, delta: 0 })
    expect(rows.map((r) => r.key)).toHaveLength(5)
  })

  it('compares functions by name and source, one side only where the other has none', () => {
    const rows = compareSummaries(summarizeProfile(profile), summarizeProfile(other), { a: 1, b: 1 }, 'function')
    expect(rows[0]).toEqual({ key: 'dispatch (hono/dist/hono-base.js:10)', a: 200, b: 400, delta: 200 })
    expect(rows[1]).toEqual({ key: 'extra (srvx/dist/node.mjs:5)', a: 0, b: 40, delta: 40 })
  })
})

describe('groupOf', () => {
  it('names packages, scoped ones included', () => {
    expect(groupOf('f', '/x/node_modules/.pnpm/a@1/node_modules/@hono/node-server/dist/index.mjs')).toBe(
      '@hono/node-server',
    )
    expect(groupOf('f', '/x/node_modules/vike/dist/server/runtime.js')).toBe('vike')
  })
  it('splits Node core into areas', () => {
    expect(groupOf('f', 'node:internal/webstreams/readablestream')).toBe('node: web streams')
    expect(groupOf('f', 'node:internal/streams/writable')).toBe('node: streams')
    expect(groupOf('f', 'node:_http_server')).toBe('node: http')
  })
  it('names V8 itself and app code', () => {
    expect(groupOf('(program)', '')).toBe('V8: program (native, unattributed)')
    expect(groupOf('JSONStringify', '')).toBe('V8: builtins')
    expect(groupOf('Page', '../../pages/index/+Page.tsx')).toBe('app source')
  })
})

describe('shortSource', () => {
  it('drops machine-specific prefixes', () => {
    expect(shortSource('/home/u/app/node_modules/.pnpm/x@1/node_modules/x/dist/a.js')).toBe('x/dist/a.js')
    expect(shortSource('/home/u/app/dist/server/index.mjs')).toBe('dist/server/index.mjs')
    expect(shortSource('../../pages/index/+Page.tsx')).toBe('pages/index/+Page.tsx')
  })
})
