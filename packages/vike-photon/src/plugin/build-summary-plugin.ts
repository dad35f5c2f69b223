import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { detectServerFramework } from '../targets/server-framework.js'
import { buildSummary } from './build-summary.js'
import { createPlugin } from './create-plugin.js'

/**
 * Ends `vike build` with what was written and what to run next, per target (like the adapters of SvelteKit and
 * Astro): the Node server and its per-page units, the Cloudflare Worker and its size, each Vercel function with its
 * runtime, routes and size. The pre-rendering report (prerender-report-plugin.ts) is one of its lines.
 */
export const buildSummaryPlugin = createPlugin('build-summary', (ctx) => ({
  apply: 'build',
  enforce: 'post',
  buildApp: {
    // After every environment is built (Vike pre-renders while the server environment is written).
    order: 'post',
    async handler(builder) {
      // Vite builds every environment after the `buildApp` hooks when none of them did: do it first, as Vite would.
      const environments = Object.values(builder.environments)
      if (environments.every((environment) => !environment.isBuilt)) {
        for (const environment of environments) await builder.build(environment)
      }
      const { root, logger } = builder.config
      const ssr = builder.environments.ssr?.config.build.outDir ?? 'dist/server'
      const client = builder.environments.client?.config.build.outDir ?? 'dist/client'
      const serverFile = ctx.settings.server
      const server = serverFile ? detectServerFramework(readFileSync(serverFile, 'utf8')) : null
      const lines = buildSummary({
        root,
        target: ctx.target,
        server: serverFile ? (server ?? 'your') : null,
        serverDir: resolve(root, ssr),
        clientDir: resolve(root, client),
        prerendered: ctx.prerenderReport,
      })
      logger.info(`\n[vike-photon] ${lines.join('\n')}`)
    },
  },
}))
