import { env } from 'cloudflare:workers'

// Bindings from wrangler.toml, typed by cloudflare-env.d.ts. `env` from 'cloudflare:workers' works in any server
// module; `pageContext.runtime.env` holds the same object (see README.md).
export async function data() {
  const visits = Number((await env.KV.get('visits')) ?? '0') + 1
  await env.KV.put('visits', String(visits))
  return { greeting: env.GREETING, visits }
}

export type Data = Awaited<ReturnType<typeof data>>
