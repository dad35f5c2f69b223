import type { Plugin } from 'vite'
import { warnOnce } from '../../errors.js'
import type { PluginContext } from '../../plugin/context.js'
import { hookHandler } from '../../plugin/create-plugin.js'

// `photon.standalone` (Node): the server build bundles its dependencies and copies what it still imports into
// dist/server/node_modules, so that `dist/` runs without the project's node_modules. The work is done by
// standaloner's Vite plugins (the tool Photon ships for this); vike-photon decides when they run.
//
// Vite needs a plugin list before Vike's config (and so `photon.standalone`) is read. vike-photon therefore adds
// three stand-ins, one per plugin of standaloner's, which stay inert unless the setting is on: then the `config`
// hook loads standaloner with the user's options and the stand-ins hand each hook to the real plugin.

type Hook = (this: unknown, ...args: unknown[]) => unknown
/** The hooks standaloner's plugins implement (standaloner 0.1.11). */
const DELEGATED_HOOKS = ['resolveId', 'load', 'transform', 'renderChunk', 'writeBundle'] as const

export function standalonePlugins(ctx: PluginContext): Plugin[] {
  let real: Plugin[] | null = null
  const enabled = () => real !== null

  const loader: Plugin = {
    name: 'vike-photon:standalone',
    apply: 'build',
    config: {
      // After the settings plugin (order: 'post' too, and earlier in the list) has read `photon`.
      order: 'post',
      async handler() {
        real = null
        const options = ctx.settings.standalone
        if (!options) return
        if (!ctx.target.capabilities.nodeServer) {
          const { noun, plural } = ctx.target.capabilities.output
          warnOnce(
            `\`photon.standalone\` is ignored on ${ctx.target.title}: its ${noun} ${plural ? 'are' : 'is'} bundled already. Remove it from ${ctx.settings.definedAt ?? 'your +config'}, or keep it for Node builds.`,
          )
          return
        }
        const { default: standaloner } = await import('standaloner/vite')
        // Cast: standaloner's types may come from another copy of Vite's.
        real = standaloner(options) as unknown as Plugin[]
      },
    },
    // Only the Node server build: never the client, never dev.
    configEnvironment(name, config, env) {
      if (!enabled() || config.consumer === 'client' || name === 'client') return undefined
      return callHook(findReal(real, 'standaloner'), 'configEnvironment', this, [name, config, env]) as ReturnType<
        Extract<NonNullable<Plugin['configEnvironment']>, Hook>
      >
    },
  }

  /** A stand-in for standaloner's plugin `name`, with the same `enforce` (Vite sorts plugins before `config`). */
  const standIn = (name: string, enforce?: 'pre' | 'post'): Plugin => {
    const plugin: Plugin = {
      name: `vike-photon:standalone:${name}`,
      apply: 'build',
      ...(enforce ? { enforce } : {}),
      applyToEnvironment(environment) {
        if (!enabled() || environment.config.consumer !== 'server') return false
        const inner = findReal(real, name)?.applyToEnvironment
        // standaloner's asset relocator only looks at an environment named `ssr`: Photon's Node build is one.
        return inner ? inner.call(this, environment) : true
      },
    }
    for (const hook of DELEGATED_HOOKS) {
      ;(plugin as unknown as Record<string, unknown>)[hook] = {
        ...(hook === 'resolveId' && enforce === 'pre' ? { order: 'pre' } : {}),
        ...(hook === 'transform' && enforce === 'post' ? { order: 'post' } : {}),
        handler(this: unknown, ...args: unknown[]) {
          return callHook(findReal(real, name), hook, this, args)
        },
      }
    }
    return plugin
  }

  return [
    loader,
    standIn('standaloner:default-externals', 'pre'),
    standIn('asset-relocator', 'post'),
    standIn('standaloner'),
  ]
}

function findReal(real: Plugin[] | null, name: string): Plugin | undefined {
  return real?.find((plugin) => plugin.name === name)
}

function callHook(plugin: Plugin | undefined, hook: string, context: unknown, args: unknown[]): unknown {
  const value = (plugin as unknown as Record<string, unknown> | undefined)?.[hook] as
    | Hook
    | { handler: Hook }
    | undefined
  return value ? hookHandler(value).apply(context, args) : undefined
}
