import { fork } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { basename, extname, join, normalize } from 'node:path'
import { fileURLToPath } from 'node:url'

// A small local stand-in for Netlify's edge, for the e2e suite: serves a site built for Netlify's Frameworks API the
// way Netlify routes it, offline. Netlify's own local tooling (`netlify dev`, @netlify/dev) is not used: `netlify dev`
// is not installed here and wants a linked site and the network, and @netlify/vite-plugin's emulation only hooks
// Vite's own dev server. The rules implemented (https://docs.netlify.com/build/functions/get-started/):
// 1. A function whose `config.path` matches (URLPattern syntax) and whose `config.excludedPath` does not, unless it
//    has `preferStatic: true` and a static file exists for the URL (Netlify's pretty URLs: `/a` → `/a/index.html`,
//    `/a.html`);
// 2. otherwise a static file of the publish directory, with the `headers` rules of `.netlify/v1/config.json`
//    (Netlify's default for files: `public, max-age=0, must-revalidate`);
// 3. otherwise the publish directory's `404.html` with status 404.
// A function is called as Netlify calls it, `default(request, context)` → Response, each in its own process
// (function-runner.mjs). Each response says who answered
// in `x-local-netlify` (`static` or `function:<name>`), so that tests can check the routing.
//
// Usage: tsx router.ts <site folder> <port> [publish dir, default dist/client]

interface FunctionConfig {
  path?: string | string[]
  excludedPath?: string | string[]
  preferStatic?: boolean
}
interface LoadedFunction {
  name: string
  /** Where its runner (function-runner.mjs, one process per function) listens. */
  origin: string
  paths: RegExp[]
  excluded: RegExp[]
  preferStatic: boolean
}

const [site = '.', port = '3000', publish = 'dist/client'] = process.argv.slice(2)
const publishDir = join(site, publish)
const functionsDir = join(site, '.netlify/v1/functions')
const headerRules = (
  JSON.parse(readFileSync(join(site, '.netlify/v1/config.json'), 'utf8')) as {
    headers?: { for: string; values: Record<string, string> }[]
  }
).headers?.map((rule) => ({ pattern: toRegExp(rule.for), values: rule.values }))

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=UTF-8',
  '.js': 'application/javascript',
  '.css': 'text/css; charset=UTF-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=UTF-8',
}

/** A URLPattern pathname (`/news`, `/movies/:id`, `/docs/*`) as a regular expression. */
function toRegExp(pattern: string): RegExp {
  const source = pattern
    .split(/(:\w+|\*)/)
    .map((part) => {
      if (part === '*') return '.*'
      if (/^:\w+$/.test(part)) return '[^/]+'
      return part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')
    })
    .join('')
  return new RegExp(`^${source}$`)
}

const list = (value: string | string[] | undefined) => (value === undefined ? [] : [value].flat())

const runner = fileURLToPath(new URL('./function-runner.mjs', import.meta.url))

function startFunction(file: string): Promise<LoadedFunction> {
  return new Promise((resolvePromise, reject) => {
    const child = fork(runner, [file], { stdio: 'inherit' })
    process.on('exit', () => child.kill())
    child.once('exit', (code) => reject(new Error(`${file} exited (${code}) before it listened`)))
    child.once('message', (message) => {
      const { port: runnerPort, config } = message as { port: number; config: FunctionConfig }
      resolvePromise({
        name: basename(file).replace(/\.m?js$/, ''),
        origin: `http://127.0.0.1:${runnerPort}`,
        paths: list(config.path).map(toRegExp),
        excluded: list(config.excludedPath).map(toRegExp),
        preferStatic: config.preferStatic === true,
      })
    })
  })
}

function staticFile(pathname: string): string | null {
  const path = normalize(decodeURIComponent(pathname))
  if (path.includes('..')) return null
  for (const candidate of [path, join(path, 'index.html'), `${path}.html`]) {
    const file = join(publishDir, candidate)
    if (existsSync(file) && statSync(file).isFile()) return file
  }
  return null
}

function sendFile(res: ServerResponse, pathname: string, file: string, status = 200): void {
  const headers: Record<string, string> = {
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'cache-control': 'public, max-age=0, must-revalidate',
    'x-local-netlify': 'static',
  }
  for (const rule of headerRules ?? []) {
    if (!rule.pattern.test(pathname)) continue
    for (const [key, value] of Object.entries(rule.values)) headers[key.toLowerCase()] = value
  }
  res.writeHead(status, headers).end(readFileSync(file))
}

/** Headers of one connection, not of the request: fetch() refuses some of them. */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'host'])

/** Hands the request to the function's runner and its answer back, as is. */
async function callFunction(fn: LoadedFunction, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const chunks: Buffer[] = []
  if (req.method !== 'GET' && req.method !== 'HEAD') for await (const chunk of req) chunks.push(chunk as Buffer)
  const headers = new Headers()
  for (const [key, value] of Object.entries(req.headers)) {
    if (HOP_BY_HOP.has(key)) continue
    for (const v of [value ?? []].flat()) headers.append(key, v)
  }
  // The URL the browser asked for: the runner builds the function's Request from it.
  if (req.headers.host) headers.set('x-forwarded-host', req.headers.host)
  const response = await fetch(`${fn.origin}${req.url ?? '/'}`, {
    method: req.method,
    headers,
    body: chunks.length > 0 ? Buffer.concat(chunks) : undefined,
    redirect: 'manual',
  })
  const out: Record<string, string | string[]> = { 'x-local-netlify': `function:${fn.name}` }
  response.headers.forEach((value, key) => {
    if (key !== 'set-cookie' && !HOP_BY_HOP.has(key)) out[key] = value
  })
  const cookies = response.headers.getSetCookie()
  if (cookies.length > 0) out['set-cookie'] = cookies
  res.writeHead(response.status, out)
  res.end(Buffer.from(await response.arrayBuffer()))
}

const functions = await Promise.all(
  readdirSync(functionsDir)
    .filter((file) => /\.m?js$/.test(file))
    .map((file) => startFunction(join(functionsDir, file))),
)

createServer((req, res) => {
  const { pathname } = new URL(req.url ?? '/', 'http://localhost')
  const fn = functions.find((f) => f.paths.some((p) => p.test(pathname)) && !f.excluded.some((p) => p.test(pathname)))
  const file = staticFile(pathname)
  if (fn && !(fn.preferStatic && file)) {
    callFunction(fn, req, res).catch((error: unknown) => {
      console.error(error)
      if (!res.headersSent) res.writeHead(500)
      res.end()
    })
    return
  }
  if (file) return sendFile(res, pathname, file)
  const notFound = join(publishDir, '404.html')
  if (existsSync(notFound)) return sendFile(res, pathname, notFound, 404)
  res.writeHead(404, { 'x-local-netlify': 'none' }).end('Not Found')
}).listen(Number(port), '127.0.0.1', () => {
  console.log(`Serving ${site} as Netlify routes it on http://127.0.0.1:${port}`)
})
