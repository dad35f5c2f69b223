// One app measured by `in-process`: its page rendered in a loop inside this process, no HTTP. Prints one JSON line:
// CPU µs per request for each round. argv: <app dir> <floor|fetch> <warm> <requests per round> <rounds> [accept-encoding]
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

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
  if (kind === 'floor') {
    // vike/server's "node" export, the file the floor's server imports.
    const vikeServer = createRequire(join(dir, 'package.json')).resolve('vike/server')
    const { renderPage } = await import(pathToFileURL(vikeServer).href)
    await fromApp('dist/server/entry.mjs')
    return async () => {
      const { httpResponse } = await renderPage({ urlOriginal: '/', headersOriginal: headers })
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
