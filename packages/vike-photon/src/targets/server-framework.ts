// Which server framework a server entry uses, read from its imports. Photon checks the same thing when it resolves
// the imports (at build time, deep in the module graph); vike-photon checks the entry file at config time so that an
// unsupported framework is reported before anything runs.

/** Server frameworks that Photon has adapters for, and the imports that give each one away. */
export const SERVER_FRAMEWORKS = {
  hono: ['hono', '@photonjs/hono'],
  h3: ['h3', '@photonjs/h3'],
  srvx: ['srvx', '@photonjs/srvx'],
  express: ['express', '@photonjs/express'],
  fastify: ['fastify', '@photonjs/fastify'],
  hattip: ['@hattip/core', '@hattip/router', '@photonjs/hattip'],
  elysia: ['elysia', '@photonjs/elysia'],
} as const satisfies Record<string, readonly string[]>

export type ServerFramework = keyof typeof SERVER_FRAMEWORKS

/** How messages name each framework, with its article: "an Express server", "a Hono server". */
export const SERVER_FRAMEWORK_NAMES: Record<ServerFramework, string> = {
  hono: 'a Hono',
  h3: 'an H3',
  srvx: 'an srvx',
  express: 'an Express',
  fastify: 'a Fastify',
  hattip: 'a HatTip',
  elysia: 'an Elysia',
}

const IMPORT_RE = /(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)['"]([^'"]+)['"]/g

/** The framework a server entry imports, or `null` when none is recognised (e.g. a plain fetch handler). */
export function detectServerFramework(source: string): ServerFramework | null {
  const code = source.replace(/\/\*[\s\S]*?\*\/|(^|[^:])\/\/.*$/gm, '$1')
  for (const match of code.matchAll(IMPORT_RE)) {
    const specifier = match[1]!
    for (const [framework, imports] of Object.entries(SERVER_FRAMEWORKS)) {
      if ((imports as readonly string[]).some((name) => specifier === name || specifier.startsWith(`${name}/`))) {
        return framework as ServerFramework
      }
    }
  }
  return null
}
