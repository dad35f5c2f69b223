import {
  createServer,
  type IncomingMessage,
  type RequestListener,
  type Server,
  type ServerResponse,
  STATUS_CODES,
} from 'node:http'
import { fileURLToPath } from 'node:url'
// Vike's production entry (dist/server/entry.mjs), imported rather than looked up: Vike's lookup goes through a file
// that every build writes into node_modules/@brillout/vite-plugin-server-entry, which two apps sharing a pnpm store
// (or a standalone build bundling it while another app builds) would share.
import 'virtual:@brillout/vite-plugin-server-entry:serverEntry'
import serverEntry from 'virtual:photon:server-entry'
import settings from 'virtual:vike-photon:runtime-settings'
import { NodeRequest } from 'srvx/node'
import { assertServerEntry, type ServeResult } from './assert-server-entry.js'
import { type FetchHandler, fetchToNodeHandler } from './fetch-to-node.js'
import { isAddressInUse, listenAddress, listeningUrl, portInUseMessage, type ServeOptions } from './listen.js'
import { methodNotAllowed } from './methods.js'
import { OneChunkResponse } from './one-chunk-response.js'
import { startupDone } from './production-env.js'
import { setResponseFactory } from './response.js'
import { sendStaticFile } from './static/serve-node.js'
import { StaticFiles } from './static/static-files.js'
import { isDecodable } from './url-guard.js'

// The production entry on Node (`node dist/server/index.mjs`). It replaces Photon's generic launcher so that
// the hot paths stay on Node's own objects: static files are answered from an in-memory index before the
// server framework is involved, and the app gets Node's request/response (Express) or srvx's lazy web
// wrappers (Hono and other fetch servers).

const entry = serverEntry as ServeResult
if (settings.serverFile) assertServerEntry(entry, settings.serverFile)

// This file is `dist/server/index.mjs`; the client build sits next to the server build. `String()` keeps the path
// opaque to a standalone build's file tracer (@vercel/nft), which evaluates `new URL(<constant>, import.meta.url)`
// and would copy the whole client build into dist/server/node_modules.
const clientDir = fileURLToPath(new URL(String(settings.clientDir), import.meta.url))
const staticFiles = settings.static
  ? StaticFiles.load(clientDir, { ...settings.static, contentType: contentTypeOf })
  : null

/** By extension, from the types the build found in the client folder (plugin/content-types.ts). */
function contentTypeOf(file: string): string | undefined {
  const dot = file.lastIndexOf('.')
  if (dot === -1) return undefined
  const extension = file.slice(dot + 1).toLowerCase()
  // Own keys only: a file named `x.constructor` must not get Object.prototype's function as its type.
  return Object.hasOwn(settings.contentTypes, extension) ? settings.contentTypes[extension] : undefined
}

const appHandler = appNodeHandler(entry)

// Pages are answered with a OneChunkResponse (srvx's FastResponse, and a stream of one chunk for adapters that read
// the body), with the reason phrase Node would send: fetch servers (fetch-to-node.ts) and vike-photon's Express
// catch-all write it to Node in one `end()`.
setResponseFactory(
  (body, init) => new OneChunkResponse(body, { ...init, statusText: STATUS_CODES[init.status ?? 200] }) as Response,
)

/**
 * How the app receives Node requests. Servers with a fetch handler (Hono, the built-in server, srvx...) run on
 * srvx's lazy web wrappers, even when their adapter offers a Node handler: Hono's (@hono/node-server, used when
 * `hostname` is set) swaps the global Response for one that universal-middleware clones on every response.
 * Node-only servers (Express, Fastify) and H3 (see `answersOnNode`) keep their own handler.
 */
function appNodeHandler(entry: ServeResult): RequestListener {
  const fetch = fetchOf(entry)
  if (fetch && !runsOnNodeHandler(entry)) {
    // Hono reads `c.executionCtx` for every universal middleware and throws (slowly) when there is none.
    const executionContext = {
      waitUntil: (promise: Promise<unknown>) => void promise.catch(() => {}),
      passThroughOnException() {},
      props: {},
    }
    const withContext = fetch as (
      request: Request,
      env: undefined,
      ctx: typeof executionContext,
    ) => ReturnType<FetchHandler>
    return answered(
      fetchToNodeHandler((request) => withContext(request, undefined, executionContext)) as RequestListener,
    )
  }
  return answered(withLazyRequest(entry.server!.nodeHandler as RequestListener))
}

/**
 * A handler whose failures still answer: srvx's Node handler returns a promise that rejects when the app throws
 * (or when no middleware answered), and nothing caught it, so the socket stayed open with no response.
 */
function answered(handler: RequestListener): RequestListener {
  return (req, res) => {
    const result = handler(req, res) as unknown
    if (result instanceof Promise) result.catch((error: unknown) => failed(res, error))
  }
}

function failed(res: ServerResponse, error: unknown): void {
  console.error('[vike-photon] The server threw while answering a request; answered 500.', error)
  if (res.headersSent) res.destroy()
  else res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Internal Server Error')
}

// @universal-middleware/express 0.4.31 (through @photonjs/express 0.1.13) builds an undici Request, with its own
// AbortController, for every request that reaches a universal middleware or handler, and reuses one already
// stored on `req[Symbol.for('unRequest')]`. A GET or HEAD gets srvx's lazy NodeRequest there instead (what Hono
// and the built-in server run on): its URL is fixed before Express rewrites `req.url` for mounted routers. Not
// with a body (Express' body parsers may have read it) nor with ORIGIN or TRUST_PROXY, which only the adapter reads.
const UN_REQUEST = Symbol.for('unRequest')
function withLazyRequest(handler: RequestListener): RequestListener {
  if (process.env.ORIGIN || process.env.TRUST_PROXY === '1') return handler
  return (req, res) => {
    if (req.method === 'GET' || req.method === 'HEAD') {
      const request = new NodeRequest({ req, res })
      void request.url
      ;(req as unknown as Record<symbol, unknown>)[UN_REQUEST] = request
    }
    return handler(req, res)
  }
}

/** Whether the app runs on its own Node handler: Node-only servers (Express, Fastify) and H3 (see `answersOnNode`). */
function runsOnNodeHandler(entry: ServeResult): boolean {
  return !fetchOf(entry) || answersOnNode(entry)
}

/**
 * Fetch servers that must run on their own Node handler. H3: through its fetch handler (@photonjs/h3 0.1.12, h3
 * 1.15), @universal-middleware/h3 0.4.17 sends the Response that a response middleware returns to Node's response
 * object, which that fetch handler never writes: the original body went out with the new response's headers (a page
 * that was not compressed, labelled `content-encoding: br`). Its Node handler writes that Response.
 */
function answersOnNode(entry: ServeResult): boolean {
  return entry.server?.name === 'h3' && typeof entry.server.nodeHandler === 'function'
}

/** The entry's fetch handler, if it has one (Express' `fetch` is a getter that throws). */
function fetchOf(entry: ServeResult): ServeResult['fetch'] | null {
  try {
    return typeof entry.fetch === 'function' ? entry.fetch : null
  } catch {
    return null
  }
}

/** Methods that the Fetch API refuses to put in a `Request` (`new Request(url, { method: 'TRACE' })` throws). */
const UNREPRESENTABLE_METHODS = new Set(['CONNECT', 'TRACE', 'TRACK'])

function handleRequest(req: IncomingMessage, res: ServerResponse): void {
  const url = req.url ?? '/'
  const query = url.indexOf('?')
  const pathname = query === -1 ? url : url.slice(0, query)
  if (!isDecodable(pathname)) {
    res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Bad Request')
    return
  }
  if (url === '*') {
    // `OPTIONS *` asks about the server as a whole (RFC 9110, 9.3.7); no app route can take it (Express threw
    // "Unsupported request target" with a stack in the log).
    res.writeHead(req.method === 'OPTIONS' ? 204 : 400).end()
    return
  }
  if (UNREPRESENTABLE_METHODS.has(req.method!)) {
    // No web Request can carry these (Express' adapter threw, answered 500 and logged a stack): answer as a page would.
    void methodNotAllowed(req.method!).then(
      (response) => {
        res.writeHead(405, { 'Content-Type': 'text/plain; charset=utf-8', Allow: response!.headers.get('allow')! })
        res.end('Method Not Allowed')
      },
      (error: unknown) => failed(res, error),
    )
    return
  }
  if (staticFiles && (req.method === 'GET' || req.method === 'HEAD')) {
    const file = staticFiles.find(pathname)
    if (file) {
      sendStaticFile(req, res, file)
      return
    }
  }
  appHandler(req, res)
}

const options = (entry.server?.options ?? {}) as ServeOptions
const { port, host } = listenAddress(options)
const server = (options.createServer ?? createServer)(options.serverOptions ?? {}, handleRequest)
// A CONNECT request never reaches `handleRequest`: without a listener, Node closed the socket with no answer.
server.on('connect', (_req, socket: import('node:stream').Duplex) => {
  socket.end('HTTP/1.1 405 Method Not Allowed\r\nAllow: GET, HEAD\r\nContent-Length: 0\r\nConnection: close\r\n\r\n')
})
options.onCreate?.(server)
handleShutdown(server)
server.once('error', (error) => {
  // Thrown, so that the startup handler (production-env.ts) prints the one line and exits with code 1.
  if (isAddressInUse(error)) throw new Error(portInUseMessage(port, host, 'node dist/server/index.mjs'))
  throw error
})
server.listen(port, host, () => {
  startupDone()
  const url = listeningUrl(server, 'cert' in (options.serverOptions ?? {}) ? 'https' : 'http')
  if (typeof options.onReady === 'function') options.onReady(url)
  else if (options.onReady !== false) console.log(`Server running at ${url}`)
})

/**
 * Graceful shutdown, as container platforms expect: on SIGTERM (or SIGINT) stop accepting connections, let the
 * requests in flight finish for up to `SHUTDOWN_TIMEOUT` seconds (default 10), then exit 0. A second signal exits
 * at once. Before, the process died on the spot and cut responses in the middle.
 */
function handleShutdown(server: Server): void {
  const seconds = Number(process.env.SHUTDOWN_TIMEOUT || 10)
  const timeoutMs = Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : 10_000
  let shuttingDown = false
  const onSignal = (signal: NodeJS.Signals) => {
    if (shuttingDown) {
      console.log(`[vike-photon] ${signal} again: exiting now.`)
      process.exit(1)
    }
    shuttingDown = true
    console.log(
      `[vike-photon] ${signal}: finishing the requests in flight (up to ${timeoutMs / 1000} s), then exiting.`,
    )
    // Keep-alive connections are closed after their current response rather than kept waiting.
    server.prependListener('request', (_req: IncomingMessage, res: ServerResponse) =>
      res.setHeader('Connection', 'close'),
    )
    server.close(() => process.exit(0))
    server.closeIdleConnections()
    setTimeout(() => {
      console.log(`[vike-photon] Requests still in flight after ${timeoutMs / 1000} s: closing them and exiting.`)
      server.closeAllConnections()
      process.exit(0)
    }, timeoutMs)
  }
  process.on('SIGTERM', onSignal)
  process.on('SIGINT', onSignal)
}

export default entry
