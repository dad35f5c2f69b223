import type { createServer, Server } from 'node:http'

// How vike-photon's servers (`vike dev` and `node dist/server/index.mjs`) pick their address, announce it and
// explain a port that is taken. The same rules in dev and production, whatever the server framework.

export interface ListenOptions {
  /** `serve(app, { port })` in the server entry. */
  port?: number
  /** `serve(app, { hostname })` in the server entry. */
  hostname?: string
}

/** The options of `serve(app, options)` that vike-photon's Node servers read, in dev and in production. */
export interface ServeOptions extends ListenOptions {
  onReady?: boolean | ((url?: string) => void)
  onCreate?: (server: unknown) => void
  createServer?: typeof createServer
  serverOptions?: Record<string, unknown>
}

/** Vite's `server.host` / `server.port` (`vike dev --host`, `--port`), in dev only. */
export interface DevCliAddress {
  host?: string | boolean
  port?: number
}

/**
 * Where to listen: the server entry's own options first, then `PORT` and `HOST`, then (in dev) `--port`/`--host`,
 * then port 3000 on every interface. `PHOTON_HOSTNAME` is Photon's name for `HOST`.
 */
export function listenAddress(options: ListenOptions, cli: DevCliAddress = {}): { port: number; host?: string } {
  const envPort = process.env.PORT ? Number.parseInt(process.env.PORT, 10) : undefined
  const port = options.port ?? envPort ?? cli.port ?? 3000
  const cliHost = cli.host === true ? undefined : cli.host || undefined
  const host =
    options.hostname ?? (process.env.HOST || undefined) ?? cliHost ?? (process.env.PHOTON_HOSTNAME || undefined)
  return { port, host }
}

/** The address a server really listens on, as a URL (`localhost` when it listens on every interface). */
export function listeningUrl(server: Server, protocol = 'http'): string {
  const address = server.address()
  if (!address || typeof address === 'string') return String(address)
  const host =
    address.address === '::' || address.address === '0.0.0.0'
      ? 'localhost'
      : address.family === 'IPv6'
        ? `[${address.address}]`
        : address.address
  return `${protocol}://${host}:${address.port}/`
}

/** The one line printed when the port is taken, instead of an EADDRINUSE stack. */
export function portInUseMessage(port: number, host: string | undefined, command: string): string {
  const where = host ? `${host.includes(':') ? `[${host}]` : host}:${port}` : `port ${port}`
  return (
    `[vike-photon] Cannot listen on ${where}: the port is already in use (another server still running?). ` +
    `Stop that process, or pick another port: PORT=${port + 1} ${command}`
  )
}

/** Whether a listen error is "address in use". */
export function isAddressInUse(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | null)?.code === 'EADDRINUSE'
}
