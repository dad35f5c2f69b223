// Runs one per-page unit (`dist/server/units/<page>.mjs`, `export default { fetch }`) in its own process, as a
// platform runs one fetch handler per route, and serves it over HTTP on 127.0.0.1. Started by unit-router.ts;
// prints the port.   node unit-runner.mjs <path/to/unit.mjs>
import { createServer } from 'node:http'
import { Readable } from 'node:stream'
import { pathToFileURL } from 'node:url'

const [file] = process.argv.slice(2)
const { default: unit } = await import(pathToFileURL(file).href)

const server = createServer(async (req, res) => {
  try {
    const hasBody = req.method !== 'GET' && req.method !== 'HEAD'
    const response = await unit.fetch(
      new Request(`http://${req.headers.host}${req.url}`, {
        method: req.method,
        headers: Object.entries(req.headers).flatMap(([k, v]) =>
          v === undefined ? [] : Array.isArray(v) ? v.map((x) => [k, x]) : [[k, v]],
        ),
        body: hasBody ? Readable.toWeb(req) : undefined,
        duplex: hasBody ? 'half' : undefined,
      }),
    )
    res.writeHead(response.status, [...response.headers].flat())
    if (response.body) Readable.fromWeb(response.body).pipe(res)
    else res.end()
  } catch (error) {
    console.error(error)
    if (!res.headersSent) res.writeHead(500)
    res.end('UNIT_FAILED')
  }
})
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ port: server.address().port })}\n`)
})
