import { createServer, type IncomingMessage, type RequestListener, type Server } from 'node:http'
import type { Socket } from 'node:net'
import serverEntry from 'virtual:photon:server-entry'
import settings from 'virtual:vike-photon:runtime-settings'
import { toNodeHandler } from 'srvx/node'
import { assertServerEntry, type ServeResult } from './assert-server-entry.js'
import { isAddressInUse, listenAddress, listeningUrl, portInUseMessage, type ServeOptions } from './listen.js'

// The server of `vike dev` on Node (every server framework, and the built-in server): it replaces Photon's dev
// launcher (@photonjs/runtime 0.1.17), which ignored HOST for Node-handler servers (Express, Fastify, H3), printed
// two "listening" lines for fetch servers (its own and srvx's) and one more after every server edit, and, after
// `r + enter`, left nothing listening. This module is imported again by Vite's module runner after each server edit
// (server HMR) and by the restart plugin (dev-restart-plugin.ts) after `r + enter`: the previous server lets go of
// the port first, the new one listens on the same address, and the address is printed only when it changes.

interface DevState {
  /** Resolves once the previous server (before an edit or a restart) has closed. */
  closing?: Promise<void>
  /** The URL printed last. */
  announced?: string
}
const holder = globalThis as { __vikePhotonDevServer?: DevState }
holder.__vikePhotonDevServer ??= {}
const state: DevState = holder.__vikePhotonDevServer

const entry = serverEntry as ServeResult
if (settings.serverFile) assertServerEntry(entry, settings.serverFile)

const options = (entry.server?.options ?? {}) as ServeOptions

await state.closing
const { server, connections } = await listen()
if (import.meta.hot) {
  const hot = import.meta.hot
  const close = () => {
    if (!server.listening) return
    state.closing = closeServer(server, connections).then(() => hot.send('photon:server-closed'))
    return state.closing
  }
  // A server edit (Photon sends a full reload to the server's environment) and `r + enter` (Photon's restart sends
  // this event before Vite restarts).
  hot.on('vite:beforeFullReload', close)
  hot.on('photon:close-server', close)
}

function listen(): Promise<{ server: Server; connections: Set<Socket> }> {
  const { port, host } = listenAddress(options, settings.devAddress ?? {})
  const handler = nodeHandlerOf(entry)
  const server = (options.createServer ?? createServer)(options.serverOptions ?? {}, handler)
  options.onCreate?.(server)
  const connections = trackConnections(server)
  return new Promise((resolve) => {
    server.once('error', (error) => {
      if (!isAddressInUse(error)) throw error
      console.error(portInUseMessage(port, host, 'vike dev'))
      process.exit(1)
    })
    server.listen(port, host, () => {
      const https = 'cert' in (options.serverOptions ?? {})
      const url = listeningUrl(server, https ? 'https' : 'http')
      if (typeof options.onReady === 'function') options.onReady(url)
      else if (options.onReady !== false && state.announced !== url) console.log(`Server running at ${url}`)
      state.announced = url
      resolve({ server, connections })
    })
  })
}

/** Node's handler for the entry: the server's own (Express, Fastify...), else its fetch handler through srvx. */
function nodeHandlerOf(entry: ServeResult): RequestListener {
  const nodeHandler = entry.server?.nodeHandler as RequestListener | undefined
  if (nodeHandler) return nodeHandler
  const fetch = entry.fetch as (request: Request) => Response | Promise<Response>
  return toNodeHandler((request) => fetch(request)) as RequestListener
}

function trackConnections(server: Server): Set<Socket> {
  const open = new Set<Socket>()
  server.on('connection', (socket: Socket) => {
    open.add(socket)
    socket.on('close', () => open.delete(socket))
  })
  // Upgrade requests (e.g. a websocket of the app) keep their socket; closing the server must end them too.
  server.on('upgrade', (_request: IncomingMessage, socket: Socket) => open.add(socket))
  return open
}

/** Closes the server and every open connection (keep-alive ones included), so that the port is free at once. */
function closeServer(server: Server, connections: Set<Socket>): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve())
    for (const socket of connections) socket.destroy()
  })
}

export default entry
