import { SERVER_FRAMEWORKS_BY_TARGET } from '../../packages/vike-photon/src/facts.js'

/** The server frameworks legacy packages had an entry for, and the Photon adapter that replaces each one. */
export const frameworks = ['hono', 'express', 'fastify', 'h3', 'elysia', 'hattip'] as const
export type Framework = (typeof frameworks)[number]

export function isFramework(name: string): name is Framework {
  return (frameworks as readonly string[]).includes(name)
}

export function adapterPackage(fw: Framework): `@photonjs/${Framework}` {
  return `@photonjs/${fw}`
}

/** Frameworks whose `apply()` is async, so `apply(app)` must be awaited. */
export const asyncApplyFrameworks: ReadonlySet<Framework> = new Set(['fastify'])

/** Frameworks a legacy entry can have that @photonjs/cloudflare runs (the extension checks the same list). */
export const cloudflareFrameworks: ReadonlySet<Framework> = new Set(
  (SERVER_FRAMEWORKS_BY_TARGET.cloudflare as readonly string[]).filter(isFramework),
)

/**
 * A legacy module that maps to a Photon adapter: `vike-server/hono`, `vike-server/hono/serve`,
 * `vike-cloudflare/hono[/serve]`, `vike-node/hono`, and vike-node 0.1's `vike-node/connect` (Connect-style
 * middleware, used on Express: @photonjs/express). Returns the framework, or null.
 */
export function legacyFrameworkModule(
  source: string,
): { pkg: string; fw: Framework; serve: boolean; connect?: true } | null {
  if (source === 'vike-node/connect') return { pkg: 'vike-node', fw: 'express', serve: false, connect: true }
  const m = /^(vike-server|vike-cloudflare|vike-node)\/([a-z0-9]+)(\/serve)?$/.exec(source)
  if (!m || !isFramework(m[2]!)) return null
  if (m[1] === 'vike-node' && m[3]) return null
  return { pkg: m[1]!, fw: m[2] as Framework, serve: Boolean(m[3]) }
}
