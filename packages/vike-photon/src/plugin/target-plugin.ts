import { relative } from 'node:path'
import type { Plugin } from 'vite'
import { VikePhotonError } from '../errors.js'
import { detectTarget } from '../targets/index.js'
import { readProject } from '../targets/project.js'
import { detectServerFramework, SERVER_FRAMEWORK_NAMES } from '../targets/server-framework.js'
import type { Project, TargetDefinition } from '../targets/types.js'
import { assertNoLegacyVercelPlugins } from '../targets/vercel/index.js'
import type { PluginContext } from './context.js'
import { createPlugin } from './create-plugin.js'
import { withInlineSsrOnDemand } from './photon-inline-ssr.js'

/**
 * The deploy target's plugins: vike-photon picks the target from what the project has installed (targets/index.ts)
 * and adds the target's own Vite plugins (e.g. @photonjs/cloudflare's), so that users add none by hand.
 * Vite accepts a Promise among plugins; the target package is loaded from the user's project.
 */
export async function targetPlugins(ctx: PluginContext): Promise<Plugin[]> {
  const project = readProject(ctx.root)
  // Whatever the target: the pre-Photon Vercel plugins would write a second .vercel/output.
  assertNoLegacyVercelPlugins(project)
  const target = detectTarget(project)
  ctx.target = target
  // Photon's Vercel adapter installs Photon's plugins again, ahead of vike-photon's copy, which Photon's
  // `singleton()` then disables: the workaround of photon-inline-ssr.ts goes on the adapter's copy too.
  return [targetCheckPlugin(ctx), ...withInlineSsrOnDemand((await target.plugins?.(project, ctx)) ?? [])]
}

/** Fails at config time when the project is missing something the target needs, or runs a server it cannot run. */
const targetCheckPlugin = createPlugin('target-check', (ctx) => ({
  enforce: 'pre',
  config: {
    // Before the target's own plugins read their config (e.g. the wrangler config), so our message comes first.
    order: 'pre',
    handler(userConfig) {
      const problems = ctx.target.check?.(readProject(userConfig.root ?? ctx.root)) ?? []
      if (problems.length > 0) throw targetError(ctx.target, problems)
      return ctx.target.photon ? { photon: ctx.target.photon } : undefined
    },
  },
  configResolved: {
    order: 'pre',
    handler() {
      const problem = checkServerFramework(ctx.target, ctx.settings.server, readProject(ctx.root))
      if (problem) throw targetError(ctx.target, [problem])
    },
  },
}))

/** The server entry's framework must be one the target runs. `null` when it is (or when there is no server entry). */
export function checkServerFramework(target: TargetDefinition, server: string | null, project: Project): string | null {
  if (!server || target.supportedServers === 'any') return null
  const framework = detectServerFramework(project.readFile(server))
  if (!framework || target.supportedServers.includes(framework)) return null
  const file = relative(project.root, server) || server
  const supported = target.supportedServers.join(', ')
  return (
    `\`photon.server\` is ${file}, ${SERVER_FRAMEWORK_NAMES[framework]} server, which ${target.title} cannot run (supported: ${supported}). ` +
    `Rewrite ${file} with one of those (e.g. \`import { apply, serve } from '@photonjs/hono'\`), ` +
    `or remove \`photon.server\` to use vike-photon's built-in server.`
  )
}

function targetError(target: TargetDefinition, problems: string[]): VikePhotonError {
  const why = target.package ? ` (chosen because ${target.package} is installed)` : ''
  const list = problems.map((problem) => `  - ${problem}`).join('\n')
  return new VikePhotonError(`The ${target.title} target${why} cannot build this app:\n${list}\nSee ${target.docs}`)
}
