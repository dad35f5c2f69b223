import { type ChildProcess, fork } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type PrerenderConfig, readVercelOutput, type VercelFunction } from './output.js'
import { routeRequest } from './router.js'

// Serves a `.vercel/output` folder (Build Output API v3) on this machine the way Vercel routes it: `vike preview`
// with the Vercel target, the e2e and the corpus runner all use this one implementation. What it emulates and what
// it does not is listed in docs/vercel.md ("Preview the build locally").
//
// - Routing: config.json `routes` by phase (router.ts).
// - Static files from `static/`, with a content type from the extension and Vercel's default `Cache-Control`.
// - Functions, each in its own Node process (function-runner.mjs), started on first use, with the function's
//   `environment` and `VERCEL=1`. Node functions see the URL the browser asked for plus the rewrite's query
//   parameters; prerender (ISR) functions are invoked at their own path with `x-now-route-matches`, as on Vercel.
//   Edge functions run on Node with the `EdgeRuntime` global: not in an edge isolate.
// - ISR (`<name>.prerender-config.json`): GET and HEAD responses with status 200 are cached per path and allowed
//   query for `expiration` seconds, then served stale while one request refreshes them; `fallback` is served
//   before the first render; `bypassToken` as `x-prerender-revalidate` (revalidate now) or the `__prerender_bypass`
//   cookie (skip the cache). `x-vercel-cache` says MISS, HIT, STALE, PRERENDER, REVALIDATED or BYPASS.
// - `maxDuration`: a function that takes longer answers 504 FUNCTION_INVOCATION_TIMEOUT.
// - Nothing matched: `static/404.html` with status 404 if present, else `404 NOT_FOUND`.
// An `x-local-vercel` response header says what answered (`static`, `function:<name>`, `redirect`, `none`).

const RUNNER = fileURLToPath(new URL(runnerFile(), import.meta.url))

/** From src/ (tests, e2e) the runner sits next to this file; in dist/ tsup writes it to `vercel-function-runner.js`. */
function runnerFile(): string {
  const here = new URL('./function-runner.mjs', import.meta.url)
  return existsSync(fileURLToPath(here)) ? './function-runner.mjs' : './vercel-function-runner.js'
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.webmanifest': 'application/manifest+json',
}

/** What Vercel sends for a static file when no route sets `Cache-Control`. */
const STATIC_CACHE_CONTROL = 'public, max-age=0, must-revalidate'

/** Hop-by-hop and encoding headers that must not be copied from a function's response to ours. */
const DROPPED_RESPONSE_HEADERS = new Set(['content-encoding', 'content-length', 'transfer-encoding', 'connection'])

interface StoredResponse {
  status: number
  headers: [string, string][]
  body: Buffer
  storedAt: number
}

interface RunningFunction {
  port: number
  child: ChildProcess
}

export interface VercelOutputHandler {
  /** Answers one request from the output (never calls a `next`). */
  (req: IncomingMessage, res: ServerResponse): void
  /** Stops every function process. */
  close(): Promise<void>
}

export interface VercelOutputHandlerOptions {
  /** Environment variables for every function (before each function's own `environment`). */
  env?: Record<string, string | undefined>
  /** Where a function's failure is reported; `console.error` by default. */
  onError?: (error: unknown) => void
}

/** A request handler that serves `outputDir` (a `.vercel/output` folder) the way Vercel routes it. */
export function createVercelOutputHandler(
  outputDir: string,
  options: VercelOutputHandlerOptions = {},
): VercelOutputHandler {
  const output = readVercelOutput(outputDir)
  const running = new Map<string, Promise<RunningFunction>>()
  const isr = new IsrCache()
  const onError = options.onError ?? ((error: unknown) => console.error(error))

  const start = (fn: VercelFunction): Promise<RunningFunction> => {
    let started = running.get(fn.name)
    if (!started) {
      started = new Promise((resolve, reject) => {
        const child = fork(RUNNER, [fn.dir], {
          env: { ...process.env, ...options.env, ...fn.config.environment, VERCEL: '1', NODE_ENV: 'production' },
          stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
        })
        child.once('exit', (code) => {
          running.delete(fn.name)
          reject(new Error(`The Vercel function ${fn.name} exited with code ${code} before it could answer.`))
        })
        child.once('message', (message) => resolve({ port: (message as { port: number }).port, child }))
      })
      // A failed start is retried by the next request.
      started.catch(() => running.delete(fn.name))
      running.set(fn.name, started)
    }
    return started
  }

  const invoke = async (
    fn: VercelFunction,
    req: IncomingMessage,
    pathAndQuery: string,
    extraHeaders: Record<string, string>,
    body: Buffer | undefined,
    method = req.method,
  ): Promise<StoredResponse> => {
    const { port } = await start(fn)
    const headers = new Headers()
    for (const [key, value] of Object.entries(req.headers)) {
      if (typeof value === 'string') headers.set(key, value)
      else if (Array.isArray(value)) for (const v of value) headers.append(key, v)
    }
    const host = req.headers.host ?? 'localhost'
    headers.set('x-forwarded-host', host)
    headers.set('x-forwarded-proto', 'http')
    headers.set('x-forwarded-for', req.socket.remoteAddress ?? '127.0.0.1')
    headers.set('x-real-ip', req.socket.remoteAddress ?? '127.0.0.1')
    for (const [key, value] of Object.entries(extraHeaders)) headers.set(key, value)
    const maxDuration = fn.config.maxDuration
    let response: Response
    try {
      response = await fetch(`http://127.0.0.1:${port}${pathAndQuery}`, {
        method,
        headers,
        body: body && body.length > 0 ? new Uint8Array(body) : undefined,
        redirect: 'manual',
        signal: maxDuration ? AbortSignal.timeout(maxDuration * 1000) : undefined,
      })
    } catch (error) {
      if ((error as Error).name === 'TimeoutError') {
        return text(504, `FUNCTION_INVOCATION_TIMEOUT: ${fn.name} ran longer than its maxDuration (${maxDuration} s)`)
      }
      throw error
    }
    return {
      status: response.status,
      headers: [...response.headers].filter(([key]) => !DROPPED_RESPONSE_HEADERS.has(key)),
      body: Buffer.from(await response.arrayBuffer()),
      storedAt: Date.now(),
    }
  }

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost')
    const method = req.method ?? 'GET'
    const hasBody = method !== 'GET' && method !== 'HEAD'
    const body = hasBody ? await readBody(req) : undefined
    const headers = new Headers()
    for (const [key, value] of Object.entries(req.headers)) {
      if (typeof value === 'string') headers.set(key, value)
    }
    const result = routeRequest(
      { method, pathname: url.pathname, query: url.searchParams, headers },
      output.routes,
      output.lookup,
    )

    const send = (status: number, responseHeaders: [string, string][], content: Buffer | null, source: string) => {
      const out = new Map<string, string>()
      for (const [key, value] of responseHeaders) out.set(key.toLowerCase(), value)
      // Headers set by routes apply to whatever answers.
      for (const [key, value] of Object.entries(result.headers)) out.set(key, value)
      out.set('x-local-vercel', source)
      res.writeHead(status, Object.fromEntries(out))
      res.end(method === 'HEAD' ? undefined : content)
    }

    switch (result.type) {
      case 'redirect':
        return send(result.status, [['location', result.location]], null, 'redirect')
      case 'external':
        return send(
          502,
          [['content-type', 'text/plain; charset=utf-8']],
          Buffer.from(`The preview does not proxy to external URLs (a route rewrites to ${result.url}).`),
          'none',
        )
      case 'not-found': {
        const page = output.lookup('/404.html')
        if (page?.type === 'static')
          return send(result.status, staticHeaders(page.file), readFileSync(page.file), 'static')
        return send(result.status, [['content-type', 'text/plain; charset=utf-8']], Buffer.from('NOT_FOUND'), 'none')
      }
      case 'static': {
        if (result.entry.type !== 'static') return
        const file = result.entry.file
        // Vercel's default for a static file, unless a route sets its own (routes' headers are applied last).
        const headers: [string, string][] = [...staticHeaders(file), ['cache-control', STATIC_CACHE_CONTROL]]
        return send(result.status ?? 200, headers, readFileSync(file), 'static')
      }
      case 'function': {
        if (result.entry.type !== 'function') return
        const fn = output.functions.get(result.entry.name)!
        const source = `function:${fn.name}`
        const query = result.query.size > 0 ? `?${result.query}` : ''
        if (fn.prerender && (method === 'GET' || method === 'HEAD')) {
          // Vercel invokes a prerender function at its own path; `x-now-route-matches` carries the captures.
          const answer = await isr.get(fn, url, headers, () =>
            // Rendered with GET, also for a HEAD request: the cache then serves both.
            invoke(
              fn,
              req,
              `${result.path}${query}`,
              { 'x-now-route-matches': routeMatches(url.pathname) },
              body,
              'GET',
            ),
          )
          return send(
            result.status ?? answer.status,
            [...answer.headers, ['x-vercel-cache', answer.cache]],
            answer.body,
            source,
          )
        }
        // Other functions see the path the browser asked for.
        const answer = await invoke(fn, req, `${url.pathname}${query}`, {}, body)
        return send(result.status ?? answer.status, answer.headers, answer.body, source)
      }
    }
  }

  const handler = ((req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch((error: unknown) => {
      onError(error)
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain; charset=utf-8' })
      res.end('FUNCTION_INVOCATION_FAILED')
    })
  }) as VercelOutputHandler
  handler.close = async () => {
    const all = [...running.values()]
    running.clear()
    await Promise.all(all.map((started) => started.then(({ child }) => void child.kill()).catch(() => {})))
  }
  return handler
}

export interface VercelOutputServer {
  url: string
  server: Server
  close(): Promise<void>
}

export interface VercelOutputServerOptions extends VercelOutputHandlerOptions {
  /** `0` (the default) picks a free port. */
  port?: number
  /** `127.0.0.1` by default. */
  host?: string
}

/** Starts an HTTP server that serves `outputDir` (a `.vercel/output` folder) the way Vercel routes it. */
export async function startVercelOutputServer(
  outputDir: string,
  options: VercelOutputServerOptions | number = {},
): Promise<VercelOutputServer> {
  const { port = 0, host = '127.0.0.1', ...handlerOptions } = typeof options === 'number' ? { port: options } : options
  const handler = createVercelOutputHandler(outputDir, handlerOptions)
  const server = createServer(handler)
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, resolve)
  })
  const address = server.address() as AddressInfo
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address
  return {
    url: `http://${shownHost}:${address.port}`,
    server,
    async close() {
      await handler.close()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

/** The ISR cache: one entry per function, path and allowed query. */
class IsrCache {
  private entries = new Map<string, StoredResponse>()
  private refreshing = new Set<string>()

  async get(
    fn: VercelFunction,
    url: URL,
    headers: Headers,
    render: () => Promise<StoredResponse>,
  ): Promise<StoredResponse & { cache: string }> {
    const config = fn.prerender!
    const token = config.bypassToken
    if (token && cookieValue(headers.get('cookie'), '__prerender_bypass') === token) {
      return { ...(await render()), cache: 'BYPASS' }
    }
    const key = `${fn.name} ${cacheKey(url, config)}`
    const store = (fresh: StoredResponse) => {
      if (fresh.status === 200) this.entries.set(key, fresh)
      return fresh
    }
    if (token && headers.get('x-prerender-revalidate') === token) {
      return { ...store(await render()), cache: 'REVALIDATED' }
    }
    const cached = this.entries.get(key)
    if (!cached) {
      const fallback = fallbackResponse(fn, config)
      if (fallback) {
        this.refresh(key, render, store)
        return { ...fallback, cache: 'PRERENDER' }
      }
      return { ...store(await render()), cache: 'MISS' }
    }
    const expiration = config.expiration === false ? Number.POSITIVE_INFINITY : config.expiration
    if ((Date.now() - cached.storedAt) / 1000 < expiration) return { ...cached, cache: 'HIT' }
    this.refresh(key, render, store)
    return { ...cached, cache: 'STALE' }
  }

  /** One background render per key at a time. */
  private refresh(key: string, render: () => Promise<StoredResponse>, store: (r: StoredResponse) => unknown) {
    if (this.refreshing.has(key)) return
    this.refreshing.add(key)
    render()
      .then(store, () => {})
      .finally(() => this.refreshing.delete(key))
  }
}

function cacheKey(url: URL, config: PrerenderConfig): string {
  const allowed = config.allowQuery
  const params = [...url.searchParams].filter(([key]) => !allowed || allowed.includes(key))
  params.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return params.length > 0 ? `${url.pathname}?${new URLSearchParams(params)}` : url.pathname
}

function fallbackResponse(fn: VercelFunction, config: PrerenderConfig): StoredResponse | null {
  if (!config.fallback) return null
  const file = join(fn.dir, '..', config.fallback)
  if (!existsSync(file)) return null
  return {
    status: config.initialStatus ?? 200,
    headers: [
      ['content-type', CONTENT_TYPES[extname(file)] ?? 'text/html; charset=utf-8'],
      ...Object.entries(config.initialHeaders ?? {}),
    ],
    body: readFileSync(file),
    storedAt: 0,
  }
}

function staticHeaders(file: string): [string, string][] {
  return [['content-type', CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream']]
}

function text(status: number, message: string): StoredResponse {
  return {
    status,
    headers: [['content-type', 'text/plain; charset=utf-8']],
    body: Buffer.from(message),
    storedAt: Date.now(),
  }
}

/** `x-now-route-matches` as Vercel sends it to a prerender function: the path as the first capture. */
function routeMatches(pathname: string): string {
  return new URLSearchParams({ 1: pathname }).toString()
}

function cookieValue(header: string | null, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=')
    if (key === name) return value.join('=')
  }
  return null
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}
