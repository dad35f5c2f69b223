import { describe, expect, it } from 'vitest'
import { type CpuProfile, groupOf, shortSource, summarizeProfile } from './cpuprofile'

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
