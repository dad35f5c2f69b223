import { existsSync } from 'node:fs'
import { relative } from 'node:path'
import { getVikeConfig } from 'vike/plugin'
import type { PluginContext } from './context.js'
import { createPlugin } from './create-plugin.js'

/**
 * When every page is pre-rendered, says what the build deploys (a line of the build summary). vike-photon's config sets
 * `prerender.keepDistServer` (config.ts): Vike would otherwise remove dist/server after pre-rendering, and with it
 * the Cloudflare Worker and its wrangler.json (`vike preview` and `wrangler deploy` then failed with "Could not
 * read file: dist/server/wrangler.json") and the routes of the app's own server.
 */
export const prerenderReportPlugin = createPlugin('prerender-report', (ctx) => ({
  apply: 'build',
  // The server build: Vike pre-renders in its writeBundle hook, which is over when closeBundle runs.
  applyToEnvironment: (env) => env.name === 'ssr',
  closeBundle: {
    order: 'post',
    handler() {
      const { prerenderContext } = getVikeConfig()
      if (!prerenderContext.isPrerenderingEnabledForAllPages || !prerenderContext.output) return
      const { root, build } = this.environment.config
      const serverDir = build.outDir
      const serverDirShown = relativeOrSelf(root, serverDir)
      const message = prerenderedMessage(ctx, {
        pages: prerenderContext.output.filter((file) => file.fileType === 'HTML').length,
        // Vike writes the client next to the server: dist/client and dist/server.
        clientDir: serverDirShown.replace(/server$/, 'client'),
        serverDir: serverDirShown,
        serverKept: existsSync(serverDir),
      })
      // Printed with the build summary (build-summary-plugin.ts), at the end of the build.
      ctx.prerenderReport = message
    },
  },
}))

interface PrerenderedBuild {
  /** HTML files Vike wrote. */
  pages: number
  clientDir: string
  serverDir: string
  /** Whether dist/server is still there (the user may set `prerender.keepDistServer: false`). */
  serverKept: boolean
}

/** What a fully pre-rendered build deploys, per target; `null` where the target's own output says it (Vercel). */
export function prerenderedMessage(ctx: PluginContext, build: PrerenderedBuild): string | null {
  const { pages, clientDir, serverDir, serverKept } = build
  const intro = `Every page is pre-rendered (${pages} HTML file${pages === 1 ? '' : 's'} in ${clientDir}/).`
  const hasOwnServer = ctx.settings.server !== null || ctx.endpoints.length > 0
  switch (ctx.target.name) {
    case 'cloudflare':
      return serverKept
        ? `${intro} Deployed as a Worker with static assets: ${serverDir}/wrangler.json serves ${clientDir}/ as assets and runs ` +
            `${serverDir}/index.mjs for what is not a file (${hasOwnServer ? "your server's routes, " : ''}the 404 page). ` +
            '`vike preview` and `wrangler deploy` use it.'
        : `${intro} ${serverDir}/ was removed (\`prerender.keepDistServer: false\`), and with it the Worker and its wrangler.json: ` +
            'remove that setting to deploy with `wrangler deploy`, or upload ' +
            `${clientDir}/ as a static site.`
    case 'vercel':
      return null
    default:
      if (!serverKept) {
        return (
          `${intro} The app is static: ${serverDir}/ was removed (\`prerender.keepDistServer: false\`), so there is no Node server to start. ` +
          `Deploy ${clientDir}/ to any static host, or try it locally with \`npx serve ${clientDir}\`.`
        )
      }
      return hasOwnServer
        ? `${intro} Your server still runs the app's own routes: start it with \`node ${serverDir}/index.mjs\`.`
        : `${intro} The app is static: deploy ${clientDir}/ to any static host (e.g. \`npx serve ${clientDir}\`), ` +
            `or serve it with \`node ${serverDir}/index.mjs\`.`
  }
}

function relativeOrSelf(root: string, path: string): string {
  return relative(root, path).split('\\').join('/') || path
}
