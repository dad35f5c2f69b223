// A small, test-only server that answers requests from a `.vercel/output` folder (Build Output API v3) the way the
// platform routes them, so that Playwright can drive a Vercel build without Vercel. No library fits: `vercel dev`
// needs an account and the network, and it runs a project's dev server, not its build output.
//
// What it emulates, in the platform's order:
// 1. `config.json` routes before `{ "handle": "filesystem" }`: `headers` with `continue: true` (kept for the final
//    response), and redirects (`status` + `Location`).
// 2. The filesystem: a file in `static/` (the path itself, then `<path>.html`, then `<path>/index.html`), else a
//    function at `functions/<path>.func`.
// 3. Routes after the filesystem: `src` → `dest` rewrites, with `$1` / `$name` captures; `check: true` rewrites only
//    apply when the destination exists.
// 4. Functions, each in its own process (function-runner.mjs), started on first use. The function sees
//    the URL the browser asked for, with the rewrite's query parameters added (e.g. `__original_path`).
//    Edge functions get the `EdgeRuntime` global but run on Node: this is not an edge isolate.
// 5. Prerender (ISR) functions (`<name>.prerender-config.json`): GET 200 responses are cached per URL (path and
//    query) for `expiration` seconds, then served stale while one background request refreshes them;
//    `x-vercel-cache` says MISS, HIT or STALE, as on Vercel.
// 6. Nothing matched: `static/404.html` with status 404 if present, else a plain 404.
//
// What it does not emulate: `has`/`missing` conditions, `methods`, `overrides`, middleware, `locale`, image
// optimization, bypass tokens, `allowQuery`, `fallback` files, streaming limits, regions, cold starts, or Vercel's
// compression. A `x-local-vercel` response header says what answered (`static`, or `function:<path>`) for tests.

import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync, readFileSync, statSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { extname, join, normalize, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

interface Route {
  src?: string
  dest?: string
  headers?: Record<string, string>
  status?: number
  continue?: boolean
  check?: boolean
  handle?: string
}

interface CachedResponse {
  status: number
  headers: [string, string][]
  body: Buffer
  storedAt: number
}

const RUNNER = fileURLToPath(new URL('./function-runner.mjs', import.meta.url))
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
}

export interface VercelOutputServer {
  url: string
  close(): Promise<void>
}

export async function startVercelOutputServer(outputDir: string, port = 0): Promise<VercelOutputServer> {
  const config = JSON.parse(readFileSync(join(outputDir, 'config.json'), 'utf8')) as { routes?: Route[] }
  const routes = config.routes ?? []
  const split = routes.findIndex((r) => r.handle === 'filesystem')
  const before = split === -1 ? routes : routes.slice(0, split)
  const after = split === -1 ? [] : routes.slice(split + 1)
  const functions = new Map<string, Promise<{ port: number; child: ChildProcess }>>()
  const isrCache = new Map<string, CachedResponse>()

  const staticFile = (pathname: string): string | null => {
    const root = join(outputDir, 'static')
    for (const candidate of [pathname, `${pathname}.html`, `${pathname.replace(/\/$/, '')}/index.html`]) {
      const file = normalize(join(root, decodeURIComponent(candidate)))
      if (!file.startsWith(root + sep)) continue
      if (existsSync(file) && statSync(file).isFile()) return file
    }
    return null
  }
  const functionDir = (pathname: string): string | null => {
    const dir = join(outputDir, 'functions', `${pathname.replace(/^\/+|\/+$/g, '')}.func`)
    return pathname !== '/' && existsSync(join(dir, '.vc-config.json')) ? dir : null
  }

  const startFunction = (dir: string) => {
    let started = functions.get(dir)
    if (!started) {
      started = new Promise((resolve, reject) => {
        const child = spawn(process.execPath, [RUNNER, dir], {
          env: { ...process.env, VERCEL: '1', NODE_ENV: 'production' },
          stdio: ['ignore', 'pipe', 'inherit'],
        })
        child.once('exit', (code) => reject(new Error(`function ${dir} exited with ${code}`)))
        child.stdout!.once('data', (chunk: Buffer) => resolve({ port: JSON.parse(String(chunk)).port, child }))
      })
      functions.set(dir, started)
    }
    return started
  }

  const callFunction = async (dir: string, req: IncomingMessage, url: URL, body: Buffer): Promise<CachedResponse> => {
    const { port } = await startFunction(dir)
    const headers = new Headers()
    for (const [key, value] of Object.entries(req.headers)) {
      if (typeof value === 'string') headers.set(key, value)
    }
    const response = await fetch(`http://127.0.0.1:${port}${url.pathname}${url.search}`, {
      method: req.method,
      headers,
      body: req.method === 'GET' || req.method === 'HEAD' ? undefined : new Uint8Array(body),
      redirect: 'manual',
    })
    return {
      status: response.status,
      headers: [...response.headers].filter(
        ([k]) => !['content-encoding', 'content-length', 'transfer-encoding'].includes(k),
      ),
      body: Buffer.from(await response.arrayBuffer()),
      storedAt: Date.now(),
    }
  }

  const callPrerender = async (dir: string, expiration: number, req: IncomingMessage, url: URL, key: string) => {
    const cached = isrCache.get(key)
    const age = cached ? (Date.now() - cached.storedAt) / 1000 : Number.POSITIVE_INFINITY
    if (cached && age < expiration) return { ...cached, cache: 'HIT' }
    if (cached) {
      // Stale: answer from the cache, refresh in the background.
      void callFunction(dir, req, url, Buffer.alloc(0)).then((fresh) => {
        if (fresh.status === 200) isrCache.set(key, fresh)
      })
      return { ...cached, cache: 'STALE' }
    }
    const fresh = await callFunction(dir, req, url, Buffer.alloc(0))
    if (fresh.status === 200) isrCache.set(key, fresh)
    return { ...fresh, cache: 'MISS' }
  }

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const original = new URL(req.url ?? '/', 'http://localhost')
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const body = Buffer.concat(chunks)
    const extraHeaders: Record<string, string> = {}

    const send = (status: number, headers: [string, string][], content: Buffer | null, source: string) => {
      const out = new Map(headers.map(([k, v]) => [k.toLowerCase(), v]))
      for (const [k, v] of Object.entries(extraHeaders)) out.set(k.toLowerCase(), v)
      out.set('x-local-vercel', source)
      res.writeHead(status, Object.fromEntries(out))
      res.end(req.method === 'HEAD' ? undefined : content)
    }
    const sendFile = (file: string, status = 200) =>
      send(
        status,
        [['content-type', CONTENT_TYPES[extname(file)] ?? 'application/octet-stream']],
        readFileSync(file),
        'static',
      )
    const invoke = async (dir: string, url: URL) => {
      const name = dir.slice(join(outputDir, 'functions').length + 1).replace(/\.func$/, '')
      const prerender = join(outputDir, 'functions', `${name}.prerender-config.json`)
      if (existsSync(prerender) && req.method === 'GET') {
        const { expiration } = JSON.parse(readFileSync(prerender, 'utf8')) as { expiration: number | false }
        const key = `${url.pathname}${url.search}`
        const result = await callPrerender(
          dir,
          expiration === false ? Number.POSITIVE_INFINITY : expiration,
          req,
          url,
          key,
        )
        send(result.status, [...result.headers, ['x-vercel-cache', result.cache]], result.body, `function:${name}`)
        return
      }
      const result = await callFunction(dir, req, url, body)
      send(result.status, result.headers, result.body, `function:${name}`)
    }

    // 1. Routes before the filesystem.
    for (const route of before) {
      const match = route.src ? new RegExp(route.src).exec(original.pathname) : null
      if (!match) continue
      if (route.headers && route.status && route.status >= 300 && route.status < 400) {
        const location = substitute(route.headers.Location ?? route.headers.location ?? '/', match)
        res.writeHead(route.status, { Location: location, 'x-local-vercel': 'redirect' }).end()
        return
      }
      if (route.headers) Object.assign(extraHeaders, route.headers)
    }

    // 2. The filesystem.
    const file = req.method === 'GET' || req.method === 'HEAD' ? staticFile(original.pathname) : null
    if (file) return sendFile(file)
    const direct = functionDir(original.pathname)
    if (direct) return invoke(direct, original)

    // 3. Rewrites after the filesystem.
    for (const route of after) {
      const match = route.src && route.dest ? new RegExp(route.src).exec(original.pathname) : null
      if (!match) continue
      const dest = new URL(substitute(route.dest!, match), 'http://localhost')
      const destFile = staticFile(dest.pathname)
      const destFunction = functionDir(dest.pathname)
      if (route.check && !destFile && !destFunction) continue
      if (destFile) return sendFile(destFile)
      if (destFunction) {
        const url = new URL(original)
        for (const [k, v] of dest.searchParams) url.searchParams.set(k, v)
        return invoke(destFunction, url)
      }
    }

    // 4. Not found.
    const notFound = staticFile('/404.html')
    if (notFound) return sendFile(notFound, 404)
    send(404, [['content-type', 'text/plain; charset=utf-8']], Buffer.from('NOT_FOUND'), 'none')
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error(error)
      if (!res.headersSent) res.writeHead(502)
      res.end('FUNCTION_INVOCATION_FAILED')
    })
  })
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
  const address = server.address() as { port: number }
  return {
    url: `http://127.0.0.1:${address.port}`,
    async close() {
      for (const started of functions.values()) {
        await started.then(({ child }) => child.kill()).catch(() => {})
      }
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

/** `$1`, `$name` in a route's `dest` or `Location`, from the `src` match. */
function substitute(template: string, match: RegExpExecArray): string {
  return template.replace(/\$(\d+|[A-Za-z_]\w*)/g, (_m, key: string) => {
    const value = /^\d+$/.test(key) ? match[Number(key)] : match.groups?.[key]
    return value ?? ''
  })
}
