import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { run } from './fixture.js'

/**
 * Calls a built Node function of `.vercel/output/functions/<name>.func` in its own Node process, as Vercel runs
 * it, and returns the status and body of its answer to `path`.
 */
export async function callVercelFunction(
  root: string,
  name: string,
  path: string,
): Promise<{ status?: number; body?: string; stderr: string }> {
  const url = JSON.stringify(`http://localhost${path}`)
  // A function exports `{ fetch }` (Photon's built-in server) or a Node listener `(req, res)` (a server entry).
  const script = `
    import { createServer } from 'node:http'
    const { default: fn } = await import(${JSON.stringify(`./.vercel/output/functions/${name}.func/index.mjs`)})
    let response
    if (typeof fn.fetch === 'function') {
      response = await fn.fetch(new Request(${url}))
    } else {
      const server = createServer(fn)
      await new Promise((listening) => server.listen(0, '127.0.0.1', listening))
      const target = new URL(${url})
      target.host = '127.0.0.1:' + server.address().port
      response = await fetch(target)
      server.close()
    }
    console.log(JSON.stringify({ status: response.status, body: await response.text() }))
    process.exit(0)
  `
  writeFileSync(join(root, '.call-function.mjs'), script)
  const call = await run(process.execPath, ['.call-function.mjs'], { cwd: root, env: { VERCEL: '1' } })
  const last = call.stdout.trim().split('\n').at(-1) ?? ''
  return { ...(last.startsWith('{') ? JSON.parse(last) : {}), stderr: call.stdout + call.stderr }
}
