import type { PageContextServer } from 'vike/types'

export async function data(pageContext: PageContextServer) {
  // TODO(vike-photon migrate): `pageContext.env` came from vike-cloudflare: use `import { env } from 'cloudflare:workers'` or `pageContext.runtime.env`
  const db = pageContext.env.DB
  // TODO(vike-photon migrate): `pageContext.ctx` came from vike-cloudflare: use `import { env } from 'cloudflare:workers'` or `pageContext.runtime.ctx`
  pageContext.ctx.waitUntil(Promise.resolve())
  return { rows: await db.prepare('select 1').all() }
}
