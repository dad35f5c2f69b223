// Runs one Netlify function (`.netlify/v1/functions/<name>.mjs`) in its own process, as Netlify runs each function in
// its own instance (Vike keeps its pages in process-wide state: two functions in one process would share it), and
// serves it over HTTP on 127.0.0.1. Started by router.ts, which it tells its port and the function's config over IPC.
import { createServer } from 'node:http'
import { pathToFileURL } from 'node:url'

const [file] = process.argv.slice(2)
const mod = await import(pathToFileURL(file).href)

createServer(async (req, res) => {
  try {
    const chunks = []
    if (req.method !== 'GET' && req.method !== 'HEAD') for await (const chunk of req) chunks.push(chunk)
    const headers = new Headers()
    for (const [key, value] of Object.entries(req.headers)) for (const v of [value ?? []].flat()) headers.append(key, v)
    const request = new Request(new URL(req.url, `http://${req.headers['x-forwarded-host'] ?? req.headers.host}`), {
      method: req.method,
      headers,
      body: chunks.length > 0 ? Buffer.concat(chunks) : undefined,
    })
    // Netlify's context, as far as a local run knows it.
    const context = { ip: req.socket.remoteAddress, requestId: crypto.randomUUID(), geo: {}, params: {}, site: {} }
    const response = await mod.default(request, context)
    const out = {}
    response.headers.forEach((value, key) => {
      if (key !== 'set-cookie') out[key] = value
    })
    const cookies = response.headers.getSetCookie()
    if (cookies.length > 0) out['set-cookie'] = cookies
    res.writeHead(response.status, out)
    res.end(req.method === 'HEAD' ? undefined : Buffer.from(await response.arrayBuffer()))
  } catch (error) {
    console.error(error)
    if (!res.headersSent) res.writeHead(500)
    res.end()
  }
}).listen(0, '127.0.0.1', function () {
  process.send?.({ port: this.address().port, config: mod.config ?? {} })
})
