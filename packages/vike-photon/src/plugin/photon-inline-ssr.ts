import type { Plugin, ResolvedConfig } from 'vite'

// @photonjs/core 0.1.22's `photon:runtime-meta-to-photon` adds an `inline_ssr` environment to every build's config
// (its `config` hook). It needs one only when the server build meets a universal handler entry whose route is not
// written in Photon's entry table: it then runs the module in a dev environment of that name to read the route from
// its export (`enhance(handler, { path })`). Two symptoms:
// - On Vite 8 that environment cannot run: resolved for a build, it is bundled, and Vite refuses a bundled dev
//   environment other than the client ("currently full bundle mode is only available for client environment"). An
//   app's `photon.entries` entry without a route failed the build.
// - Vite's builder resolves the whole config again for each environment of the config, this one included: about
//   20 ms of every `vike build` (5 config resolutions instead of 4 for the bench app), for an environment that is
//   never built. vike-photon writes a route on every entry it plans, so only an app's own entries need it.
//
// Here the environment is added only when such a module is met, to the config the server build already resolved:
// the options of the environment being built, unbundled (Photon declared it empty: a server environment's defaults).

const PLUGIN_NAME = 'photon:runtime-meta-to-photon'
const ENVIRONMENT = 'inline_ssr'

type ConfigHook = (this: unknown, ...args: unknown[]) => unknown
type ModuleParsedHook = (this: ModuleParsedContext, info: ModuleInfoLike) => unknown
interface ModuleInfoLike {
  meta?: { photon?: { type?: string; route?: unknown } }
}
interface ModuleParsedContext {
  environment?: { name: string; getTopLevelConfig(): ResolvedConfig }
}

/** Makes Photon's `inline_ssr` environment appear only when a build needs it (see above). */
export function withInlineSsrOnDemand(plugins: Plugin[]): Plugin[] {
  const plugin = plugins.find((p) => p.name === PLUGIN_NAME)
  const config = plugin?.config as unknown
  const moduleParsed = plugin?.moduleParsed as unknown
  // Another shape than 0.1.22's: leave Photon's plugin as it is.
  if (!plugin || typeof config !== 'function' || typeof moduleParsed !== 'function') return plugins

  plugin.config = function (this: unknown, ...args: unknown[]) {
    return withoutInlineSsr((config as ConfigHook).apply(this, args))
  } as Plugin['config']
  plugin.moduleParsed = function (this: ModuleParsedContext, info: ModuleInfoLike) {
    const photon = info.meta?.photon
    if (photon?.type === 'universal-handler' && !photon.route && this.environment) addInlineSsr(this.environment)
    return (moduleParsed as ModuleParsedHook).call(this, info)
  } as Plugin['moduleParsed']
  return plugins
}

function withoutInlineSsr(result: unknown): unknown {
  if (!result || typeof result !== 'object' || !('environments' in result)) return result
  const { environments, ...rest } = result as { environments?: Record<string, unknown> }
  if (!environments || !(ENVIRONMENT in environments)) return result
  const { [ENVIRONMENT]: _dropped, ...others } = environments
  return Object.keys(others).length > 0 ? { ...rest, environments: others } : rest
}

function addInlineSsr(environment: NonNullable<ModuleParsedContext['environment']>): void {
  const environments = environment.getTopLevelConfig().environments as Record<string, unknown>
  if (!environments[ENVIRONMENT]) {
    environments[ENVIRONMENT] = { ...(environments[environment.name] as object), isBundled: false }
  }
}
