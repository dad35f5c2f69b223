import { env } from 'cloudflare:workers'
import type { PageContextServer } from 'vike/types'

// Bindings from wrangler.toml, typed by cloudflare-env.d.ts. `env` from 'cloudflare:workers' works in any server
// module; `pageContext.runtime.env` holds the same bindings for this request (see README.md).
export async function data(pageContext: PageContextServer) {
  const visits = Number((await env.KV.get('visits')) ?? '0') + 1
  await env.KV.put('visits', String(visits))
  const { runtime } = pageContext as unknown as { runtime: { env?: Cloudflare.Env; adapter?: string } }
  return { greeting: env.GREETING, visits, runtimeGreeting: runtime.env?.GREETING ?? null, adapter: runtime.adapter }
}

export type Data = Awaited<ReturnType<typeof data>>
