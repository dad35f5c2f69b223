import { enhance, type UniversalMiddleware } from '@universal-middleware/core'

import { ON_ERROR } from './on-error.js'

export { compress } from './compress.js'
export { urlGuard } from './url-guard.js'

/**
 * Adds values to `pageContext` for every request: pass the result to your server adapter's `apply()`.
 *
 * @example
 * import { addPageContext } from 'vike-photon/universal-middlewares'
 * apply(app, [addPageContext((request, runtime) => ({ user: getUser(request) }))])
 * // pages/+Page.tsx: pageContext.user
 */
export function addPageContext<T extends Record<string, unknown>>(
  fn: (request: Request, runtime: Universal.Context & Record<string, unknown>) => T | Promise<T>,
  { name = 'vike-photon:page-context' }: { name?: string } = {},
): UniversalMiddleware {
  return enhance(
    async function vikePhotonPageContext(request: Request, context: Universal.Context, runtime: unknown) {
      return { ...context, ...(await fn(request, runtime as Universal.Context & Record<string, unknown>)) }
    },
    { name, immutable: true },
  )
}

export interface GetMiddlewaresOptions {
  /**
   * Values added to every `pageContext`: an object, or a function of the server's request context (Hono's `c`
   * as `runtime.hono`, Express' `runtime.req`/`runtime.res`, ...).
   */
  pageContext?:
    | Record<string, unknown>
    | ((
        runtime: Universal.Context & Record<string, unknown>,
      ) => Record<string, unknown> | Promise<Record<string, unknown>>)
  /** Called with the error when rendering a page fails (the error page has been rendered and sent by then). */
  onError?: (error: unknown) => void
}

/**
 * The `apply()` options of vike-server and vike-node, as middlewares: what `vike-photon migrate` writes for
 * `apply(app, { pageContext, onError })`.
 *
 * @example
 * apply(app, getMiddlewares<'hono'>({ pageContext: (runtime) => ({ user: runtime.hono.get('user') }) }))
 */
export function getMiddlewares<_Server extends string = string>(
  options: GetMiddlewaresOptions = {},
): UniversalMiddleware[] {
  const middlewares: UniversalMiddleware[] = []
  const { pageContext, onError } = options
  if (pageContext) {
    middlewares.push(
      addPageContext((_request, runtime) => (typeof pageContext === 'function' ? pageContext(runtime) : pageContext)),
    )
  }
  if (onError) {
    middlewares.push(
      enhance(
        function vikePhotonOnError(_request: Request, context: Universal.Context) {
          return { ...context, [ON_ERROR]: onError }
        },
        { name: 'vike-photon:on-error', immutable: true },
      ),
    )
  }
  return middlewares
}
