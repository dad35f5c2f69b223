// A small per-route router over the handler modules a Node build writes with `photonUnit` (dist/server/units/):
// what a platform that runs one fetch handler per route does. Each unit runs in its own process (unit-runner.mjs),
// started on first use; a request goes to the unit whose route matches its path (or `<route>/index.pageContext.json`),
// static files come from dist/client, and anything else is a plain 404. A `x-unit` response header names the unit.

import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync, readFileSync, statSync } from 'node:fs'
import { createServer, request as httpRequest } from 'node:http'
import { extname, join, normalize, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

const RUNNER = fileURLToPath(new URL('./unit-runner.mjs', import.meta.url))
const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
}

interface Unit {
  pageId: string
  route: string
  file: string
}

/** rou3 pattern → regular expression over the path, also matching the page-context request below it. */
function routeRegex(route: string): RegExp {
  const path = route
    .split('/')
    .filter(Boolean)
    .map((segment) => {
      if (segment.startsWith('**')) return '.*'
      if (segment.startsWith(':')) return '[^/]+'
      return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    })
    .join('/')
  if (path === '') return /^\/(?:index\.pageContext\.json)?$/
  return new RegExp(`^/${path}(?:/index\\.pageContext\\.json)?$`)
}

export interface UnitRouter {
  url: string
  close(): Promise<void>
}

export async function startUnitRouter(distDir: string, env: NodeJS.ProcessEnv): Promise<UnitRouter> {
  const unitsDir = join(distDir, 'server/units')
  const clientDir = join(distDir, 'client')
  const units = (JSON.parse(readFileSync(join(unitsDir, 'manifest.json'), 'utf8')) as Unit[]).map((unit) => ({
    ...unit,
    regex: routeRegex(unit.route),
  }))
  const running = new Map<string, Promise<{ port: number; child: ChildProcess }>>()

  const start = (file: string) => {
    let started = running.get(file)
    if (!started) {
      started = new Promise((resolve, reject) => {
        const child = spawn(process.execPath, [RUNNER, join(unitsDir, file)], {
          env,
          stdio: ['ignore', 'pipe', 'inherit'],
        })
        child.stdout?.once('data', (chunk: Buffer) => resolve({ port: JSON.parse(String(chunk)).port, child }))
        child.once('exit', (code) => reject(new Error(`unit ${file} exited with ${code}`)))
      })
      running.set(file, started)
    }
    return started
  }

  const server = createServer(async (req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname
    const file = normalize(join(clientDir, decodeURIComponent(pathname)))
    if (file.startsWith(clientDir + sep) && existsSync(file) && statSync(file).isFile()) {
      res.writeHead(200, { 'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream' })
      res.end(readFileSync(file))
      return
    }
    const unit = units.find((candidate) => candidate.regex.test(pathname))
    if (!unit) {
      res.writeHead(404).end('No unit answers this path')
      return
    }
    const { port } = await start(unit.file)
    const upstream = httpRequest(
      { host: '127.0.0.1', port, path: req.url, method: req.method, headers: req.headers },
      (response) => {
        res.writeHead(response.statusCode ?? 502, { ...response.headers, 'x-unit': unit.file })
        response.pipe(res)
      },
    )
    req.pipe(upstream)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
  return {
    url,
    async close() {
      for (const started of running.values()) (await started.catch(() => null))?.child.kill()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
