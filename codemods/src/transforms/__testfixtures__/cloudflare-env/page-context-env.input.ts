import type { PageContextServer } from 'vike/types'

export async function data(pageContext: PageContextServer) {
  const db = pageContext.env.DB
  pageContext.ctx.waitUntil(Promise.resolve())
  return { rows: await db.prepare('select 1').all() }
}
