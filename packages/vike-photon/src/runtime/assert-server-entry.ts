// Checks the default export of the user's server entry, so that a mistake is explained where it is made
// instead of surfacing later as "cannot read property fetch of undefined".

export interface ServeResult {
  fetch?: (request: Request) => Response | Promise<Response>
  server?: { name?: string; nodeHandler?: unknown; options?: Record<string, unknown> }
}

const FIX =
  "export default serve(app, { port: 3000 }) — with `serve` from your server's adapter (e.g. '@photonjs/hono')"

export function assertServerEntry(entry: unknown, file: string): asserts entry is ServeResult {
  const where = `The server entry ${file}`
  if (entry === undefined || entry === null) {
    throw new Error(`[vike-photon] ${where} has no default export. Add: ${FIX}.`)
  }
  if (typeof (entry as Promise<unknown>).then === 'function') {
    throw new Error(
      `[vike-photon] ${where} exports a Promise. Await it at the top level: \`export default await startServer()\`, or ${FIX}.`,
    )
  }
  const value = entry as ServeResult
  if (typeof value === 'function' || (typeof value === 'object' && !('server' in value))) {
    const kind =
      typeof value === 'function' ? 'a function (an Express app?)' : 'an object without `server` (a bare Hono app?)'
    throw new Error(`[vike-photon] ${where} exports ${kind}, not the result of serve(). Replace it with: ${FIX}.`)
  }
  // `nodeHandler` first: Express' `fetch` is a getter that throws.
  if (!value.server || (!value.server.nodeHandler && typeof value.fetch !== 'function')) {
    throw new Error(`[vike-photon] ${where} exports an object that is not the result of serve(). Use: ${FIX}.`)
  }
}
