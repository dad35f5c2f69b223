// What vike-photon writes into `.netlify/v1/functions/` (Netlify's Frameworks API): one module per function, each
// `export default (request, context) => Response` plus an in-source `config` that tells Netlify which paths it
// serves. Pure functions: unit-tested in test/netlify-functions.test.ts.

/** Where Netlify's build looks for a framework's functions, relative to the project root. */
export const NETLIFY_FUNCTIONS_DIR = '.netlify/v1/functions'
/** Where Netlify's build looks for a framework's headers and redirects, relative to the project root. */
export const NETLIFY_CONFIG_FILE = '.netlify/v1/config.json'

/** The function that serves every page without a function of its own, the endpoints and unknown URLs. */
export const SERVER_FUNCTION = 'vike-photon-server'
/** The function of a page with `photonUnit: true`, from its unit's file name (`pages_news`). */
export const pageFunctionName = (unitFileName: string) => `vike-photon-${unitFileName}`

export interface NetlifyFunction {
  /** File name without extension, in `.netlify/v1/functions/`; also the function's name on Netlify. */
  name: string
  /** Import specifier of the module whose default export is `{ fetch }`, relative to the functions folder. */
  handler: string
  /** Netlify's `config.path`: URL patterns this function serves. */
  paths: string[]
  /** Netlify's `config.excludedPath`: patterns left to other functions. */
  excludedPaths: string[]
  /** Shown in Netlify's UI. */
  displayName: string
}

/**
 * The URL patterns (Netlify's `path`, URLPattern syntax) of a page with its own function: the page's route, and
 * below it, so that its page-context request (`/news/index.pageContext.json`, client-side navigation) reaches it too.
 * `route` is a rou3 pattern (`/movies/:id`, `/docs/**`).
 */
export function pagePaths(route: string): string[] {
  const glob = /\/\*\*(?::\w+)?$/
  if (glob.test(route)) return [route.replace(glob, '/*')]
  const base = route.replace(/\/$/, '')
  return [base || '/', `${base}/index.pageContext.json`]
}

/** The module Netlify deploys as one function: it hands each request to a Photon server bundle. */
export function functionModule(fn: NetlifyFunction, generator: string): string {
  const config = {
    name: fn.displayName,
    generator,
    path: fn.paths,
    ...(fn.excludedPaths.length > 0 ? { excludedPath: fn.excludedPaths } : {}),
    // Static files (hashed assets, pre-rendered pages) are served by Netlify's CDN before any function runs.
    preferStatic: true,
  }
  return [
    `// Written by vike-photon's Netlify target at build time; \`vike build\` writes it again.`,
    `import server from ${JSON.stringify(fn.handler)}`,
    '',
    'export default (request, context) => server.fetch(request, context)',
    '',
    `export const config = ${JSON.stringify(config, null, 2)}`,
    '',
  ].join('\n')
}
