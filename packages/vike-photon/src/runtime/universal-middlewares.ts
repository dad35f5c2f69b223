import { enhance, type UniversalMiddleware } from '@universal-middleware/core'

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
