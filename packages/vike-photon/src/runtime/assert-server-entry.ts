// Checks the default export of the user's server entry, so that a mistake is explained where it is made
// instead of surfacing later as "cannot read property fetch of undefined".

export interface ServeResult {
  fetch?: (request: Request) => Response | Promise<Response>
  server?: { name?: string; nodeHandler?: unknown; options?: Record<string, unknown> }
}

const fix = (adapter: string) =>
  `export default serve(app) — with \`serve\` from your server's adapter (e.g. '${adapter}')`

export function assertServerEntry(entry: unknown, file: string): asserts entry is ServeResult {
  const where = `The server entry ${file}`
  if (entry === undefined || entry === null) {
    throw new Error(`[vike-photon] ${where} has no default export. Add: ${fix('@photonjs/hono')}.`)
  }
  if (typeof (entry as Promise<unknown>).then === 'function') {
    throw new Error(
      `[vike-photon] ${where} exports a Promise. Await it at the top level: \`export default await startServer()\`, or ${fix('@photonjs/hono')}.`,
    )
  }
  const value = entry as ServeResult
  // Name the adapter of the app the user exported, so the fix can be copied as is.
  if (typeof value === 'function') {
    throw new Error(
      `[vike-photon] ${where} exports a function (an Express app?), not the result of serve(). Replace it with: ${fix('@photonjs/express')}.`,
    )
  }
  if (typeof value !== 'object') {
    throw new Error(
      `[vike-photon] ${where} exports a ${typeof value}, not the result of serve(). Use: ${fix('@photonjs/hono')}.`,
    )
  }
  if (!('server' in value)) {
    throw new Error(
      `[vike-photon] ${where} exports an object without \`server\` (a bare Hono app?), not the result of serve(). Replace it with: ${fix('@photonjs/hono')}.`,
    )
  }
  // `nodeHandler` first: Express' `fetch` is a getter that throws.
  if (!value.server || (!value.server.nodeHandler && typeof value.fetch !== 'function')) {
    throw new Error(
      `[vike-photon] ${where} exports an object that is not the result of serve(). Use: ${fix('@photonjs/hono')}.`,
    )
  }
}
