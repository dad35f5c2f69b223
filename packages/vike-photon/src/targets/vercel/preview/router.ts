// The routing of Vercel's Build Output API v3 (`.vercel/output/config.json` `routes`), as a pure function: given a
// request and what the output holds, which file or function answers, with which status and headers. No I/O here, so
// the semantics are unit-tested on their own (test/vercel-preview-router.test.ts).
//
// Routes are grouped into phases by the `{ "handle": … }` entries that separate them. A request goes through:
// 1. the routes before any `handle` (redirects, headers, rewrites that come before the filesystem);
// 2. the filesystem: a static file or a function at the current path answers;
// 3. the `filesystem` phase (routes after `{ "handle": "filesystem" }`), then `rewrite`, then `resource`, each
//    followed by another look at the filesystem;
// 4. `miss` when nothing answered; `hit` (headers only, with `continue`) when something did;
// 5. `error` when the request ends in a status of 400 or more, which may point to an error page.
// Within a phase, routes are tried in order. A route whose `src` matches (`methods`, `has` and `missing` too) applies
// its `headers` (with `$1`/`$name` substituted), `status` and `dest`; with `continue: true` the next routes still
// run on the rewritten path, otherwise the phase ends. `check: true` skips a rewrite whose destination neither is a
// file nor a function. A `Location` header with a 3xx status is a redirect, answered at once.

/** A route of `config.json`: a source route (`src`) or a handler (`handle`). */
export interface VercelRoute {
  src?: string
  dest?: string
  headers?: Record<string, string>
  methods?: string[]
  continue?: boolean
  caseSensitive?: boolean
  check?: boolean
  status?: number
  has?: RouteCondition[]
  missing?: RouteCondition[]
  handle?: string
  [other: string]: unknown
}

export type RouteCondition =
  | { type: 'host'; value: string }
  | { type: 'header' | 'cookie' | 'query'; key: string; value?: string }

export type Phase = 'none' | 'filesystem' | 'rewrite' | 'resource' | 'miss' | 'hit' | 'error'
export type RoutesByPhase = Record<Phase, VercelRoute[]>

/** What sits at a path of the output: a file of `static/`, or a function of `functions/`. */
export type OutputEntry = { type: 'static'; file: string } | { type: 'function'; name: string }

export interface RouterRequest {
  method: string
  /** The path the browser asked for, URL-encoded as sent. */
  pathname: string
  query: URLSearchParams
  headers: Headers
}

export type RouteResult =
  | { type: 'redirect'; status: number; location: string; headers: Record<string, string> }
  | {
      type: 'static' | 'function'
      entry: OutputEntry
      /** The path the entry was found at (after rewrites). */
      path: string
      /** The request's query, plus the parameters that rewrites added (the request's own win on a clash). */
      query: URLSearchParams
      /** A status set by a route (e.g. 404 for an error page); otherwise the file's 200 or the function's own. */
      status?: number
      headers: Record<string, string>
    }
  | { type: 'external'; url: string; headers: Record<string, string> }
  | { type: 'not-found'; status: number; headers: Record<string, string> }

/** Splits `config.json` routes at their `handle` entries. Routes after an unknown handle are dropped. */
export function groupRoutes(routes: readonly VercelRoute[]): RoutesByPhase {
  const phases: RoutesByPhase = { none: [], filesystem: [], rewrite: [], resource: [], miss: [], hit: [], error: [] }
  let current: VercelRoute[] | null = phases.none
  for (const route of routes) {
    if (route.handle !== undefined) {
      current = route.handle in phases ? phases[route.handle as Phase] : null
      continue
    }
    current?.push(route)
  }
  return phases
}

interface PhaseState {
  path: string
  query: URLSearchParams
  headers: Record<string, string>
  status?: number
}

type PhaseOutcome = { done: 'redirect' | 'external'; result: RouteResult } | { done: false; state: PhaseState }

/**
 * Routes one request. `lookup` says what the output holds at a path (decoded, leading slash, no query); `null` when
 * nothing. The caller serves the result.
 */
export function routeRequest(
  request: RouterRequest,
  routes: RoutesByPhase,
  lookup: (path: string) => OutputEntry | null,
): RouteResult {
  let state: PhaseState = { path: request.pathname, query: new URLSearchParams(request.query), headers: {} }
  const found = (s: PhaseState) => lookup(safeDecode(s.path))

  for (const phase of ['none', 'filesystem', 'rewrite', 'resource', 'miss'] as const) {
    // Before each phase after the first, and before `miss`: does the path exist?
    if (phase !== 'none') {
      const entry = found(state)
      if (entry) return hit(state, entry)
    }
    const outcome = runPhase(phase, routes[phase], request, state, lookup)
    if (outcome.done) return outcome.result
    state = outcome.state
  }
  const entry = found(state)
  if (entry) return hit(state, entry)

  // Nothing answered: the error phase may point to an error page (e.g. `{ src: '/.*', dest: '/404.html' }`).
  const failed: PhaseState = { ...state, status: state.status && state.status >= 400 ? state.status : 404 }
  const error = runPhase('error', routes.error, request, failed, lookup)
  if (error.done) return error.result
  const page = found(error.state)
  if (page && error.state.path !== state.path) {
    return { ...resolved(error.state, page), status: error.state.status ?? failed.status }
  }
  return { type: 'not-found', status: failed.status ?? 404, headers: error.state.headers }

  function hit(s: PhaseState, entry: OutputEntry): RouteResult {
    // The hit phase only adds headers (e.g. caching); it never changes what answers.
    const after = runPhase('hit', routes.hit, request, s, lookup)
    const headers = after.done ? s.headers : after.state.headers
    return { ...resolved(s, entry), headers }
  }
}

function resolved(s: PhaseState, entry: OutputEntry): Extract<RouteResult, { type: 'static' | 'function' }> {
  return { type: entry.type, entry, path: s.path, query: s.query, status: s.status, headers: s.headers }
}

function runPhase(
  phase: Phase,
  routes: readonly VercelRoute[],
  request: RouterRequest,
  start: PhaseState,
  lookup: (path: string) => OutputEntry | null,
): PhaseOutcome {
  let state = { ...start, headers: { ...start.headers }, query: new URLSearchParams(start.query) }
  for (const route of routes) {
    if (!route.src) continue
    if (route.methods && !route.methods.some((m) => m.toUpperCase() === request.method.toUpperCase())) continue
    const match = compile(route).exec(state.path)
    if (!match) continue
    if (!conditionsHold(route, request)) continue

    const headers = { ...state.headers }
    for (const [key, value] of Object.entries(route.headers ?? {})) {
      headers[key.toLowerCase()] = substitute(value, match)
    }
    const location = headers.location
    if (location !== undefined && route.status && route.status >= 300 && route.status < 400) {
      const { location: _, ...rest } = headers
      return { done: 'redirect', result: { type: 'redirect', status: route.status, location, headers: rest } }
    }

    let next: PhaseState = { ...state, headers, status: route.status ?? state.status }
    if (route.dest !== undefined) {
      const dest = substitute(route.dest, match)
      if (/^https?:\/\//i.test(dest)) {
        return { done: 'external', result: { type: 'external', url: dest, headers } }
      }
      const url = new URL(dest.startsWith('/') ? dest : `/${dest}`, 'http://localhost')
      // `check`: the rewrite only counts if its destination exists (a file or a function).
      if (route.check && phase !== 'hit' && !lookup(safeDecode(url.pathname)) && !route.status) continue
      const query = new URLSearchParams(url.search)
      // The request's own query parameters win over the rewrite's.
      for (const key of new Set(state.query.keys())) {
        query.delete(key)
        for (const value of state.query.getAll(key)) query.append(key, value)
      }
      next = { ...next, path: url.pathname, query }
    }
    state = next
    if (!route.continue) break
  }
  return { done: false, state }
}

const compiled = new WeakMap<VercelRoute, RegExp>()
function compile(route: VercelRoute): RegExp {
  let regex = compiled.get(route)
  if (!regex) {
    // Vercel matches `src` case-insensitively unless `caseSensitive` is set.
    regex = new RegExp(route.src!, route.caseSensitive ? '' : 'i')
    compiled.set(route, regex)
  }
  return regex
}

function conditionsHold(route: VercelRoute, request: RouterRequest): boolean {
  return (route.has ?? []).every((c) => holds(c, request)) && !(route.missing ?? []).some((c) => holds(c, request))
}

function holds(condition: RouteCondition, request: RouterRequest): boolean {
  const actual =
    condition.type === 'host'
      ? (request.headers.get('host') ?? '').replace(/:\d+$/, '')
      : condition.type === 'header'
        ? request.headers.get(condition.key)
        : condition.type === 'query'
          ? request.query.get(condition.key)
          : cookie(request.headers.get('cookie'), condition.key)
  if (actual === null || actual === undefined) return false
  if (condition.value === undefined) return true
  return new RegExp(`^(?:${condition.value})$`).test(actual)
}

function cookie(header: string | null, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=')
    if (key === name) return safeDecode(value.join('='))
  }
  return null
}

/** `$1`, `$name` in a route's `dest` or header value, from the `src` match. */
export function substitute(template: string, match: RegExpExecArray): string {
  return template.replace(/\$(\d+|[A-Za-z_]\w*)/g, (whole, key: string) => {
    const value = /^\d+$/.test(key) ? match[Number(key)] : match.groups?.[key]
    // An unknown name is left as written (e.g. a literal `$` in a header value); an unmatched group is empty.
    if (value === undefined) return /^\d+$/.test(key) || (match.groups && key in match.groups) ? '' : whole
    return value
  })
}

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path)
  } catch {
    return path
  }
}
