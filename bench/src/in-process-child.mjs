// One app measured by `in-process`: its page rendered in a loop inside this process, no HTTP. Prints one JSON line:
// CPU µs per request for each round.
// argv: <app dir> <floor|floor:<shape>|fetch> <warm> <requests per round> <rounds> [accept-encoding]
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

const URL_ORIGINAL = 'http://127.0.0.1:3000/'

/**
 * What a server hands Vike's renderPage(), from the floor's own call to what vike-photon passes: each step adds one
 * thing, built per request as a server builds it. `in-process --page-context-init` measures them in turns.
 */
const PAGE_CONTEXT_INITS = {
  // The floor: Node's path and its plain header object.
  path: (headers) => ({ urlOriginal: '/', headersOriginal: headers }),
  // The full URL, as every Photon server, vike-server and Vike's own +server pass it (so urlParsed has an origin).
  url: (headers) => ({ urlOriginal: URL_ORIGINAL, headersOriginal: headers }),
  // A web Request's URL and Headers, as a fetch server has them (the Request is built here, as its adapter would).
  request: (headers) => {
    const request = new Request(URL_ORIGINAL, { headers })
    return { urlOriginal: request.url, headersOriginal: request.headers }
  },
  // What vike-photon's page handler passes (render.ts): the route's universal context (`photon`), the full URL, the
  // request's Headers, the server's `runtime` and the request itself.
  'vike-photon': (headers) => {
    const request = new Request(URL_ORIGINAL, { headers })
    return {
      photon: { name: 'vike-photon:page:/pages/index', route: '/', type: 'universal-handler' },
      urlOriginal: request.url,
      headersOriginal: request.headers,
      runtime: { runtime: 'node', adapter: 'srvx', params: undefined, srvx: request },
      _reqWeb: request,
    }
  },
}

const [dir, kind, warm, perRound, rounds, acceptEncoding] = process.argv.slice(2)
const headers = { 'user-agent': 'vike-photon-bench', ...(acceptEncoding ? { 'accept-encoding': acceptEncoding } : {}) }
const render = await renderer(dir, kind)
for (let i = 0; i < Number(warm); i++) await render()
const perRequestUs = []
for (let round = 0; round < Number(rounds); round++) {
  const start = process.cpuUsage()
  for (let i = 0; i < Number(perRound); i++) await render()
  const { user, system } = process.cpuUsage(start)
  perRequestUs.push((user + system) / Number(perRound))
}
console.log(JSON.stringify({ perRequestUs }))
process.exit(0)

/**
 * One request: Vike's renderPage as the floors' servers call it (`floor`: the Express floor's Express is left out), or
 * the app's fetch handler (`fetch`).
 */
async function renderer(dir, kind) {
  const fromApp = (file) => import(pathToFileURL(join(dir, file)).href)
  if (kind === 'floor' || kind.startsWith('floor:')) {
    // vike/server's "node" export, the file the floor's server imports.
    const vikeServer = createRequire(join(dir, 'package.json')).resolve('vike/server')
    const { renderPage } = await import(pathToFileURL(vikeServer).href)
    await fromApp('dist/server/entry.mjs')
    const pageContextInit = PAGE_CONTEXT_INITS[kind.slice('floor:'.length) || 'path']
    if (!pageContextInit) throw new Error(`in-process: no pageContextInit named ${kind}`)
    return async () => {
      const { httpResponse } = await renderPage(pageContextInit(headers))
      if (httpResponse.statusCode !== 200) throw new Error(`floor: / answered ${httpResponse.statusCode}`)
      return httpResponse.body
    }
  }
  const { default: entry } = await fromApp('dist/server/index.mjs')
  if (typeof entry?.fetch !== 'function') throw new Error(`${dir}: its server has no fetch handler (Express?)`)
  const ctx = { waitUntil() {}, passThroughOnException() {}, props: {} }
  return async () => {
    const response = await entry.fetch(new Request('http://127.0.0.1:3000/', { headers }), undefined, ctx)
    if (response.status !== 200) throw new Error(`${dir}: / answered ${response.status}`)
    // What srvx's Node handler reads of vike-photon's FastResponse; the body of any other Response.
    return typeof response._toNodeResponse === 'function' ? response._toNodeResponse() : response.arrayBuffer()
  }
}
