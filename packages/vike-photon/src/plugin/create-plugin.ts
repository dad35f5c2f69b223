import type { Plugin } from 'vite'
import type { PluginContext } from './context.js'

/** Builds a sub-plugin named `vike-photon:<name>` around the shared context. */
export function createPlugin(name: string, factory: (ctx: PluginContext) => Omit<Plugin, 'name'>) {
  return (ctx: PluginContext): Plugin => ({ name: `vike-photon:${name}`, ...factory(ctx) })
}

/** A plugin hook's function, whether the hook is written as a function or as `{ order, filter, handler }`. */
export function hookHandler<T>(hook: T | { handler: T }): T {
  return typeof hook === 'function' ? hook : (hook as { handler: T }).handler
}
