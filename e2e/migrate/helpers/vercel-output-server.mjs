#!/usr/bin/env node
// Serves a Vercel Build Output API v3 folder (`.vercel/output`) on a loopback port, the way Vercel would route it:
// `routes` from config.json in order (redirects, `handle: filesystem`, rewrites to functions), static files with
// `overrides`, and Node or edge functions called in this process. Only the subset the e2e apps need.
//
//   node vercel-output-server.mjs <outputDir> --port 3000 [--host 127.0.0.1]
import { existsSync, readFileSync, statSync } from 'node:fs'
import { createServer } from 'node:http'
import { extname, join, resolve } from 'node:path'
import { Readable } from 'node:stream'
import { pathToFileURL } from 'node:url'

const args = process.argv.slice(2)
const outputDir = resolve(args[0] ?? '.vercel/output')
const port = Number(readFlag('--port') ?? 3000)
const host = readFlag('--host') ?? '127.0.0.1'

function readFlag(name) {
  const i = args.indexOf(name)
  return i === -1 ? undefined : args[i + 1]
}

const config = JSON.parse(readFileSync(join(outputDir, 'config.json'), 'utf8'))
const staticDir = join(outputDir, 'static')
const overrides = config.overrides ?? {}
const routes = config.routes ?? []

const mimeTypes = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
}

/** Finds a static file for a URL path: an `overrides` entry, the exact file, or `<path>.html` / `<path>/index.html`. */
function findStatic(pathname) {
  const rel = decodeURIComponent(pathname).replace(/^\/+/, '')
  for (const [file, o] of Object.entries(overrides)) {
    if (o.path !== undefined && o.path === rel) return { file: join(staticDir, file), contentType: o.contentType }
  }
  for (const candidate of [rel, `${rel}.html`, join(rel, 'index.html')]) {
    const file = join(staticDir, candidate)
    if (!file.startsWith(staticDir)) return undefined
    if (candidate && existsSync(file) && statSync(file).isFile()) return { file }
  }
  return undefined
}

const functionCache = new Map()

/** Loads `functions/<name>.func`: its `.vc-config.json` and its handler module. */
async function loadFunction(name) {
  const cached = functionCache.get(name)
  if (cached) return cached
  const dir = join(outputDir, 'functions', `${name}.func`)
  const vcConfig = JSON.parse(readFileSync(join(dir, '.vc-config.json'), 'utf8'))
  const entry = vcConfig.handler ?? vcConfig.entrypoint
  const mod = await import(pathToFileURL(join(dir, entry)).href)
  const fn = { vcConfig, mod }
  functionCache.set(name, fn)
  return fn
}

function functionNameFor(pathname) {
  const name = pathname.replace(/^\/+|\/+$/g, '')
  return name && existsSync(join(outputDir, 'functions', `${name}.func`)) ? name : undefined
}

function toWebRequest(req, url) {
  const headers = new Headers()
  for (const [k, v] of Object.entries(req.headers)) {
    if (Array.isArray(v)) for (const item of v) headers.append(k, item)
    else if (v !== undefined) headers.set(k, v)
  }
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD'
  return new Request(url, {
    method: req.method,
    headers,
    body: hasBody ? Readable.toWeb(req) : undefined,
    duplex: hasBody ? 'half' : undefined,
  })
}

async function sendWebResponse(res, response) {
  res.statusCode = response.status
  for (const [k, v] of response.headers) res.appendHeader(k, v)
  if (!response.body) return res.end()
  Readable.fromWeb(response.body).pipe(res)
}

/** The helpers Vercel's Node launcher adds when `shouldAddHelpers` is set (the subset apps use). */
function addNodeHelpers(req, res, url) {
  req.query = Object.fromEntries(url.searchParams)
  req.cookies = Object.fromEntries(
    (req.headers.cookie ?? '')
      .split(';')
      .map((c) => c.trim().split('='))
      .filter(([k]) => k),
  )
  res.status = (code) => {
    res.statusCode = code
    return res
  }
  res.send = (body) => res.end(body)
  res.json = (body) => {
    res.setHeader('content-type', 'application/json')
    return res.end(JSON.stringify(body))
  }
}

async function callFunction(name, req, res, url) {
  const { vcConfig, mod } = await loadFunction(name)
  const handler = mod.default ?? mod
  const webStyle = vcConfig.runtime === 'edge' || typeof handler?.fetch === 'function' || handler.length < 2
  if (webStyle) {
    const fetchFn = typeof handler?.fetch === 'function' ? handler.fetch.bind(handler) : handler
    const request = toWebRequest(req, url)
    return sendWebResponse(res, await fetchFn(request, {}, { waitUntil() {} }))
  }
  if (vcConfig.shouldAddHelpers) addNodeHelpers(req, res, url)
  req.url = url.pathname + url.search
  await handler(req, res)
}

function substitute(template, match) {
  return template.replace(/\$(\d+)/g, (_, i) => match[Number(i)] ?? '')
}

async function handle(req, res) {
  const url = new URL(req.url ?? '/', `http://${req.headers.host ?? `${host}:${port}`}`)
  for (const route of routes) {
    if (route.handle === 'filesystem') {
      const found = findStatic(url.pathname)
      if (found) {
        res.setHeader('content-type', found.contentType ?? mimeTypes[extname(found.file)] ?? 'application/octet-stream')
        return res.end(readFileSync(found.file))
      }
      continue
    }
    if (route.handle || !route.src) continue
    const match = new RegExp(route.src).exec(url.pathname)
    if (!match) continue
    if (route.status && route.headers?.Location) {
      res.statusCode = route.status
      res.setHeader('location', substitute(route.headers.Location, match))
      return res.end()
    }
    if (route.headers) for (const [k, v] of Object.entries(route.headers)) res.setHeader(k, substitute(v, match))
    if (route.dest) {
      const dest = new URL(substitute(route.dest, match), url)
      for (const [k, v] of url.searchParams) if (!dest.searchParams.has(k)) dest.searchParams.set(k, v)
      const fn = functionNameFor(dest.pathname)
      if (fn) return callFunction(fn, req, res, dest)
      url.pathname = dest.pathname
      url.search = dest.search
    }
    if (!route.continue && route.dest) break
  }
  const fn = functionNameFor(url.pathname)
  if (fn) return callFunction(fn, req, res, url)
  const found = findStatic(url.pathname)
  if (found) {
    res.setHeader('content-type', found.contentType ?? mimeTypes[extname(found.file)] ?? 'application/octet-stream')
    return res.end(readFileSync(found.file))
  }
  res.statusCode = 404
  res.end('NOT_FOUND (vercel-output-server)')
}

createServer((req, res) => {
  handle(req, res).catch((err) => {
    console.error(err)
    if (!res.headersSent) res.statusCode = 500
    res.end('FUNCTION_INVOCATION_FAILED (vercel-output-server)')
  })
}).listen(port, host, () => {
  console.log(`vercel-output-server: ${outputDir} on http://${host}:${port}`)
})
