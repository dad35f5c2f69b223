import settings from 'virtual:vike-photon:runtime-settings'
import { getGlobalContextAsync } from 'vike/server'

// Pages answer GET and HEAD. Any other method gets 405 with `Allow: GET, HEAD`, unless the app has
// `+middleware` (https://vike.dev/middleware): Vike then runs them, and they may well handle a POST to a page.

let appHasMiddleware: Promise<boolean> | undefined

export async function methodNotAllowed(): Promise<Response | undefined> {
  // `settings.production` says whether this is a build (not `import.meta.env.PROD`, which follows NODE_ENV: a build
  // made with NODE_ENV=test told Vike "development" here, and when a POST was the server's first request, Vike
  // failed with an internal error and kept failing for every request after it).
  appHasMiddleware ??= getGlobalContextAsync(settings.production).then(
    (globalContext) => ((globalContext.config as { middleware?: unknown[] }).middleware ?? []).flat().length > 0,
    (error: unknown) => {
      appHasMiddleware = undefined // ask again on the next request rather than fail forever
      throw error
    },
  )
  if (await appHasMiddleware) return undefined
  return new Response('Method Not Allowed', { status: 405, headers: { Allow: 'GET, HEAD' } })
}
