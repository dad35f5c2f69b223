import { adapterPackage, cloudflareFrameworks } from '../../frameworks.js'
import { addTodo, defaultLocal, importsFrom, namedLocal } from '../../lib/ast.js'
import type { EntryState } from './state.js'

/** Rule 29: a Hono base path moves the app's routes, and with them the pages vike-photon mounts on it. */
export function checkBasePath(s: EntryState): void {
  const j = s.j
  s.root
    .find(j.CallExpression, { callee: { type: 'MemberExpression', property: { name: 'basePath' } } })
    .forEach((path) => {
      s.todo(
        path,
        "basePath() also prefixes the pages vike-photon mounts with apply(): keep pages at the root (apply() on an app without basePath) or set Vike's `baseServer` to the same path",
      )
    })
}

/** Rule 33: Fastify needs `forceCloseConnections: true` and fastify-raw-body. */
export function checkFastify(s: EntryState): void {
  if (s.fw !== 'fastify') return
  const j = s.j
  const source = s.root.toSource()
  for (const decl of importsFrom(j, s.root, (src) => src === 'fastify')) {
    const local = defaultLocal(decl.node) ?? namedLocal(decl.node, 'fastify') ?? namedLocal(decl.node, 'Fastify')
    if (!local) continue
    s.root.find(j.CallExpression, { callee: { type: 'Identifier', name: local } }).forEach((path) => {
      const missing: string[] = []
      if (!/forceCloseConnections\s*:\s*true/.test(source))
        missing.push('`forceCloseConnections: true` in the Fastify options')
      if (!source.includes('fastify-raw-body'))
        missing.push("`await app.register(import('fastify-raw-body'))` before apply()")
      if (missing.length > 0) s.todo(path, `vike-photon on Fastify needs ${missing.join(' and ')}`)
    })
  }
}

/**
 * vike-node 0.1's `vike-node/connect` ran on any Connect-style server; its Photon counterpart, @photonjs/express,
 * registers Express routes: an entry that does not import Express gets a TODO at the new import.
 */
export function checkConnectServer(s: EntryState): void {
  if (!s.connect || !s.target) return
  if (importsFrom(s.j, s.root, (src) => src === 'express').length > 0) return
  addTodo(
    s.j,
    s.target.node,
    'this entry used vike-node/connect (Connect-style middleware); @photonjs/express replaces it and its apply(app) needs an Express app: create the app with express(), or use the @photonjs/<framework> of your server',
  )
}

/**
 * @photonjs/cloudflare runs Hono, h3 and srvx servers only: a Cloudflare app's entry on another framework (HatTip)
 * stays in the project, compiling, with a TODO at its Photon import that says how to port it; it is recorded so
 * that `+config` does not name it in `photon.server` (vike-photon then serves the pages by itself).
 */
export function checkCloudflareFramework(s: EntryState, file: string, fromVikeCloudflare: boolean): void {
  const cloudflare =
    fromVikeCloudflare || s.ctx.sources.has('vike-cloudflare') || s.ctx.sources.has('vike-cloudflare-pages')
  if (!cloudflare || cloudflareFrameworks.has(s.fw) || !s.target) return
  const entry = file.replace(/\\/g, '/').replace(/^\.\//, '')
  s.ctx.unservedEntries.add(entry)
  const name = s.fw === 'hattip' ? 'HatTip' : s.fw
  addTodo(
    s.j,
    s.target.node,
    `vike-photon on Cloudflare (@photonjs/cloudflare) runs Hono, h3 or srvx servers, not ${name}: this file is no longer \`photon.server\`, and vike-photon serves the pages without it. To keep this server's own routes, port them to Hono (\`const app = new Hono()\`, your routes, \`apply(app)\` and \`export default serve(app)\` with apply and serve from ${adapterPackage('hono')}), then set \`photon: { server: '${entry}' }\` in +config`,
  )
}
