// The server frameworks of examples/frameworks (server/<id>.ts) and what each one's pages and route answer.

export interface Framework {
  /** `FRAMEWORK=<id>` picks server/<id>.ts; `builtin` is vike-photon's built-in server (no server entry). */
  id: string
  name: string
  /** `pageContext.runtime.adapter` as the home page shows it. */
  adapter: string
  /** What the server entry's `addPageContext()` (or, for the built-in server, `+onCreatePageContext`) added. */
  servedBy: string
  /** What `/api/hello` answers (`{ hello }`), or `null` without a server entry. */
  api: string | null
}

export const FRAMEWORKS: Framework[] = [
  { id: 'hono', name: 'Hono', adapter: 'hono', servedBy: 'Hono', api: 'from Hono' },
  { id: 'express', name: 'Express', adapter: 'express', servedBy: 'Express', api: 'from Express' },
  { id: 'fastify', name: 'Fastify', adapter: 'fastify', servedBy: 'Fastify', api: 'from Fastify' },
  { id: 'h3', name: 'H3', adapter: 'h3', servedBy: 'H3', api: 'from H3' },
  { id: 'elysia', name: 'Elysia', adapter: 'elysia', servedBy: 'Elysia', api: 'from Elysia' },
  { id: 'hattip', name: 'Hattip', adapter: 'hattip', servedBy: 'Hattip', api: 'from Hattip' },
  { id: 'srvx', name: 'srvx', adapter: 'srvx', servedBy: 'srvx', api: 'from srvx' },
  { id: 'builtin', name: 'built-in server', adapter: 'srvx', servedBy: 'the built-in server', api: null },
]
