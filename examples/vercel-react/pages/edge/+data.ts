export type Data = { runtime: string }

export function data(): Data {
  // `EdgeRuntime` is a global on Vercel's edge runtime (and in the local test server that emulates it).
  const runtime = typeof (globalThis as { EdgeRuntime?: unknown }).EdgeRuntime === 'string' ? 'edge' : 'node'
  return { runtime }
}
