import { getGlobalContextAsync } from 'vike/server'

// Pages answer GET and HEAD. Any other method gets 405 with `Allow: GET, HEAD`, unless the app has
// `+middleware` (https://vike.dev/middleware): Vike then runs them, and they may well handle a POST to a page.

let appHasMiddleware: Promise<boolean> | undefined

export async function methodNotAllowed(): Promise<Response | undefined> {
  appHasMiddleware ??= getGlobalContextAsync(import.meta.env.PROD).then(
    (globalContext) => ((globalContext.config as { middleware?: unknown[] }).middleware ?? []).flat().length > 0,
  )
  if (await appHasMiddleware) return undefined
  return new Response('Method Not Allowed', { status: 405, headers: { Allow: 'GET, HEAD' } })
}
