import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Rollup } from 'vite'
import { describe, expect, it } from 'vitest'
import type { PluginContext } from '../src/plugin/context.js'
import { hookHandler } from '../src/plugin/create-plugin.js'
import { vercelElysiaNodePlugin } from '../src/targets/vercel/elysia-node.js'

// targets/vercel/elysia-node.ts patches the function module that @photonjs/vercel generates for a server entry. The
// e2e suite (e2e/frameworks/vercel.spec.ts, Elysia) runs the result; these tests say what breaks first if Photon's
// generated code changes shape.

const FUNCTION_ID = '\0virtual:photon:vercel:server'

/** The server entry's function module as the installed @photonjs/vercel writes it for a Node function. */
function photonNodeFunctionModule(): string {
  const require = createRequire(import.meta.url)
  const vite = readFileSync(require.resolve('@photonjs/vercel/vite'), 'utf8')
  const start = vite.indexOf('import servers from')
  const end = vite.indexOf('export default exportDefault;', start)
  expect(start, '@photonjs/vercel no longer imports `servers` in its function modules').toBeGreaterThan(-1)
  return vite
    .slice(start, end + 'export default exportDefault;'.length)
    .replace(/\$\{isEdge \? "edge" : "node"\}/g, 'node')
    .replace(/\$\{fn\}/g, 'createNodeHandler')
    .replace(/\$\{entry\.resolvedId \?\? entry\.id\}/g, '/app/server.ts')
}

function transform(code: string): string | undefined {
  const plugin = vercelElysiaNodePlugin({} as PluginContext)
  const handler = hookHandler(plugin.transform as never) as (
    this: Rollup.TransformPluginContext,
    code: string,
    id: string,
  ) => { code: string } | undefined
  return handler.call({} as Rollup.TransformPluginContext, code, FUNCTION_ID)?.code
}

describe("an Elysia server in a Vercel Node function (Photon's adapter for it throws)", () => {
  it("finds the adapters' import in the module the installed @photonjs/vercel generates", () => {
    const patched = transform(photonNodeFunctionModule())
    expect(patched).toBeDefined()
    const lines = patched!.split('\n')
    expect(lines[0]).toMatch(/^import servers from .*@universal-middleware\/vercel\/node\/servers";$/)
    expect(lines[1]).toMatch(/^servers\.elysia = /)
  })

  it("replaces Elysia's adapter with one that hands requests to the app's fetch", async () => {
    const patch = transform('import servers from "virtual:x:@universal-middleware/vercel/node/servers";\n')!
      .split('\n')
      .slice(1)
      .join('\n')
    const servers = {
      elysia: {
        createNodeHandler: () => {
          throw new Error('Elysia is not supported on Vercel Node.')
        },
      },
    }
    new Function('servers', patch)(servers)
    const app = { fetch: async (request: Request) => new Response(`elysia answered ${new URL(request.url).pathname}`) }
    const handler = (servers.elysia.createNodeHandler as unknown as (a: typeof app) => { fetch: typeof app.fetch })(app)
    expect(await (await handler.fetch(new Request('http://localhost/about'))).text()).toBe('elysia answered /about')
  })

  it('leaves modules without the adapters alone (endpoints, pages)', () => {
    expect(transform('import { createNodeHandler } from "x";\nexport default createNodeHandler(h)')).toBeUndefined()
  })
})
