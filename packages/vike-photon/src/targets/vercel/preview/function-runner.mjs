// Runs one Vercel function of `.vercel/output/functions` in its own process (as Vercel runs each function in its
// own instance) and serves it over HTTP on 127.0.0.1. Started by server.ts, which it tells its port over IPC;
// started by hand (`node function-runner.mjs <path/to/name.func>`), it prints `{"port":…}` on stdout instead.
// Plain JavaScript, so that it runs from the package's sources as from its build (dist/vercel-function-runner.js).
import { readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { pathToFileURL } from 'node:url'

const [dir] = process.argv.slice(2)
const vcConfig = JSON.parse(readFileSync(join(dir, '.vc-config.json'), 'utf8'))
const isEdge = vcConfig.runtime === 'edge'
// The global by which code detects Vercel's edge runtime. Node's APIs stay available: not an isolate.
if (isEdge) globalThis.EdgeRuntime = 'edge-runtime'

const mod = await import(pathToFileURL(join(dir, isEdge ? vcConfig.entrypoint : vcConfig.handler)).href)
const exported = mod.default

/** Vercel's Node runtime also takes Web handlers exported by HTTP method (`export const GET = handle(app)`). */
const byMethod = (request) => {
  const handler = mod[request.method] ?? (request.method === 'HEAD' ? mod.GET : undefined)
  return typeof handler === 'function' ? handler(request) : new Response(null, { status: 405 })
}

/** A Node function may export `(req, res)`; an edge function `(request) => Response`; both may export `{ fetch }`. */
const listener =
  exported === undefined && typeof mod.GET === 'function'
    ? toNodeListener(byMethod)
    : typeof exported === 'function' && !isEdge
      ? withHelpers(exported)
      : toNodeListener(exported.fetch?.bind(exported) ?? exported)

/**
 * `shouldAddHelpers`: Vercel's Node launcher adds Express-like helpers. The preview adds the common ones
 * (`req.query`, `req.cookies`, `res.status()`, `res.json()`, `res.send()`, `res.redirect()`), not `req.body`.
 */
function withHelpers(handler) {
  if (!vcConfig.shouldAddHelpers) return handler
  return (req, res) => {
    const url = new URL(req.url, 'http://localhost')
    req.query = Object.fromEntries(url.searchParams)
    req.cookies = Object.fromEntries(
      (req.headers.cookie ?? '')
        .split(';')
        .map((part) => part.trim().split('='))
        .filter(([key]) => key)
        .map(([key, ...value]) => [key, decodeURIComponent(value.join('='))]),
    )
    res.status = (code) => {
      res.statusCode = code
      return res
    }
    res.send = (body) => {
      if (typeof body === 'object' && body !== null && !Buffer.isBuffer(body)) return res.json(body)
      if (typeof body === 'string' && !res.getHeader('content-type')) res.setHeader('content-type', 'text/html')
      res.end(body)
      return res
    }
    res.json = (body) => {
      res.setHeader('content-type', 'application/json; charset=utf-8')
      res.end(JSON.stringify(body))
      return res
    }
    res.redirect = (statusOrUrl, maybeUrl) => {
      const [status, location] = typeof statusOrUrl === 'number' ? [statusOrUrl, maybeUrl] : [307, statusOrUrl]
      res.writeHead(status, { location }).end()
      return res
    }
    return handler(req, res)
  }
}

function toNodeListener(fetchHandler) {
  return async (req, res) => {
    const hasBody = req.method !== 'GET' && req.method !== 'HEAD'
    const request = new Request(`http://${req.headers['x-forwarded-host'] ?? req.headers.host}${req.url}`, {
      method: req.method,
      headers: Object.entries(req.headers).flatMap(([k, v]) =>
        v === undefined ? [] : Array.isArray(v) ? v.map((x) => [k, x]) : [[k, v]],
      ),
      body: hasBody ? Readable.toWeb(req) : undefined,
      duplex: hasBody ? 'half' : undefined,
    })
    const response = await fetchHandler(request)
    res.writeHead(response.status, [...response.headers].flat())
    if (response.body) Readable.fromWeb(response.body).pipe(res)
    else res.end()
  }
}

const server = createServer((req, res) => {
  Promise.resolve(listener(req, res)).catch((error) => {
    console.error(error)
    if (!res.headersSent) res.writeHead(500)
    res.end('FUNCTION_INVOCATION_FAILED')
  })
})
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address()
  if (process.send) process.send({ port })
  else process.stdout.write(`${JSON.stringify({ port })}\n`)
})
// Started by server.ts: stop with it.
process.on('disconnect', () => process.exit(0))
