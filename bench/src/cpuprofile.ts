// Reading a V8 .cpuprofile: self time per function, grouped by where the code comes from (a package, Node's own
// modules, the app), so two servers can be compared per request. Pure; tested in cpuprofile.test.ts.

export interface CallFrame {
  functionName: string
  url: string
  /** 0-based. */
  lineNumber: number
  /** 0-based. */
  columnNumber: number
}

export interface CpuProfile {
  nodes: { id: number; callFrame: CallFrame }[]
  samples: number[]
  timeDeltas: number[]
}

/** Where a bundled position really comes from (via the bundle's source map). */
export interface Origin {
  source: string
  line: number
  name?: string
}

/** Maps a position in a bundle back to its source, when the bundle has a source map. */
export type Resolve = (url: string, line: number, column: number) => Origin | undefined

export interface FunctionTime {
  /** `name (source:line)`, stable across variants so rows can be matched. */
  key: string
  group: string
  selfUs: number
}

export interface ProfileSummary {
  /** Sampled time that was not idle, in microseconds. */
  busyUs: number
  byGroup: Map<string, number>
  functions: FunctionTime[]
}

const SPECIAL: Record<string, string> = {
  '(garbage collector)': 'V8: garbage collector',
  '(program)': 'V8: program (native, unattributed)',
}

/** The group of a piece of code: an npm package, a Node core area, the app, or V8 itself. */
export function groupOf(functionName: string, source: string): string {
  if (!source) return SPECIAL[functionName] ?? 'V8: builtins'
  if (source.startsWith('node:')) {
    if (/webstreams/.test(source)) return 'node: web streams'
    if (/streams/.test(source)) return 'node: streams'
    if (/_http_|internal\/http|^node:http/.test(source)) return 'node: http'
    if (/internal\/deps\/undici|internal\/fetch|internal\/url|^node:url/.test(source)) return 'node: fetch/url (undici)'
    if (/timers|process\/task_queues|async_hooks|promise/.test(source)) return 'node: timers & microtasks'
    return 'node: other'
  }
  const nm = source.lastIndexOf('node_modules/')
  if (nm !== -1) {
    const [scope, name] = source.slice(nm + 'node_modules/'.length).split('/')
    return scope?.startsWith('@') ? `${scope}/${name}` : (scope ?? source)
  }
  if (source.startsWith('virtual:') || source.startsWith('\0')) return `virtual module (${source.replace('\0', '')})`
  if (/\/dist\/server\//.test(source)) return `server bundle (${source.replace(/^.*\/dist\/server\//, '')})`
  if (/\/(pages|components|server)\//.test(source)) return 'app source'
  return `other (${source.replace(/^.*\//, '')})`
}

/** Self time per function and per group. Idle time is left out; `(root)` never has self time. */
export function summarizeProfile(profile: CpuProfile, resolve: Resolve = () => undefined): ProfileSummary {
  const selfByNode = new Map<number, number>()
  const { samples, timeDeltas } = profile
  // timeDeltas[i] is the time between sample i-1 and sample i; it is charged to the sample taken at its end.
  for (let i = 0; i < samples.length; i++) {
    const id = samples[i]!
    selfByNode.set(id, (selfByNode.get(id) ?? 0) + Math.max(0, timeDeltas[i] ?? 0))
  }

  const byKey = new Map<string, FunctionTime>()
  const byGroup = new Map<string, number>()
  let busyUs = 0
  for (const node of profile.nodes) {
    const self = selfByNode.get(node.id)
    if (!self) continue
    const { functionName, url, lineNumber, columnNumber } = node.callFrame
    if (functionName === '(idle)' || functionName === '(root)') continue
    const origin = url ? resolve(url, lineNumber, columnNumber) : undefined
    const source = origin?.source ?? url.replace(/^file:\/\//, '')
    const line = origin?.line ?? lineNumber
    const name = functionName || origin?.name || '(anonymous)'
    const group = groupOf(functionName, source)
    const key = source ? `${name} (${shortSource(source)}:${line + 1})` : name
    const entry = byKey.get(key) ?? { key, group, selfUs: 0 }
    entry.selfUs += self
    byKey.set(key, entry)
    byGroup.set(group, (byGroup.get(group) ?? 0) + self)
    busyUs += self
  }
  const functions = [...byKey.values()].sort((a, b) => b.selfUs - a.selfUs)
  return { busyUs, byGroup, functions }
}

/** One row of two profiles compared: self time per request of A and of B (µs), and B − A. */
export interface Difference {
  key: string
  a: number
  b: number
  delta: number
}

/**
 * Two summaries side by side, per request, ordered by how much more (or less) B spends than A: where a change, or a
 * server against the floor, gains or loses. `by` compares the groups (packages, areas of Node, V8) or the functions;
 * functions of different bundles have different keys and show up on one side only.
 */
export function compareSummaries(
  a: ProfileSummary,
  b: ProfileSummary,
  requests: { a: number; b: number },
  by: 'group' | 'function',
): Difference[] {
  const times = (summary: ProfileSummary) =>
    by === 'group' ? summary.byGroup : new Map(summary.functions.map((f) => [f.key, f.selfUs]))
  const timesA = times(a)
  const timesB = times(b)
  return [...new Set([...timesA.keys(), ...timesB.keys()])]
    .map((key) => {
      const inA = (timesA.get(key) ?? 0) / requests.a
      const inB = (timesB.get(key) ?? 0) / requests.b
      return { key, a: inA, b: inB, delta: inB - inA }
    })
    .sort((x, y) => Math.abs(y.delta) - Math.abs(x.delta))
}

/** A source path without machine-specific prefixes: from the package (or the app folder) on. */
export function shortSource(source: string): string {
  const nm = source.lastIndexOf('node_modules/')
  if (nm !== -1) return source.slice(nm + 'node_modules/'.length)
  const dist = source.indexOf('/dist/')
  if (dist !== -1) return source.slice(dist + 1)
  const app = /\/(pages|components|server)\//.exec(source)
  if (app) return source.slice(app.index + 1)
  return source.replace(/^(\.\.\/)+/, '')
}
