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

export interface PrerenderedBuild {
  /** HTML files Vike wrote. */
  pages: number
  clientDir: string
  serverDir: string
  /** Whether dist/server is still there (the user may set `prerender.keepDistServer: false`). */
  serverKept: boolean
}

/** What the target's `prerendered()` (targets/<name>/summary.ts) gets to say what the build deploys. */
export interface PrerenderedReport extends PrerenderedBuild {
  /** The line's first sentence, the same on every target. */
  intro: string
  /** Whether the app has routes of its own (`photon.server` or endpoints), which a static host cannot serve. */
  hasOwnServer: boolean
}

/** What a fully pre-rendered build deploys, per target; `null` where the target's own output says it (Vercel). */
export function prerenderedMessage(ctx: PluginContext, build: PrerenderedBuild): string | null {
  const intro = `Every page is pre-rendered (${build.pages} HTML file${build.pages === 1 ? '' : 's'} in ${build.clientDir}/).`
  const hasOwnServer = ctx.settings.server !== null || ctx.endpoints.length > 0
  return ctx.target.prerendered({ ...build, intro, hasOwnServer })
}

function relativeOrSelf(root: string, path: string): string {
  return relative(root, path).split('\\').join('/') || path
}
