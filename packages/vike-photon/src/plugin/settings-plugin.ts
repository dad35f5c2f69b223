import { resolve } from 'node:path'
import { DOCS, warnOnce } from '../errors.js'
import type { PageEntry } from './context.js'
import { createPlugin } from './create-plugin.js'
import { resolveSettings } from './resolve-settings.js'
import { vikeRouteToPattern } from './route.js'
import { readVikeFacts, vikeHasBuiltInServer } from './vike-config.js'
import { pageModuleId } from './virtual-modules-plugin.js'

/** Photon entry name of the catch-all: pages with route functions, unknown URLs (404) and page-context requests. */
export const CATCH_ALL_ENTRY = 'vike-photon:catch-all'

/**
 * Printed once, right below Vike's "[vike][Warning] vike-photon is deprecated" (which Vike prints for any extension
 * named vike-photon, and which no setting turns off): what it means for this package.
 */
export const VIKE_DEPRECATION_NOTE =
  "Vike's warning above is about its own +server setting, which vike-photon switches off on purpose: " +
  `this vike-photon is maintained and nothing needs to change. See ${DOCS}/troubleshooting.md#vike-photon-is-deprecated`

/**
 * Reads the `photon` setting and the app's pages from Vike, validates them, and hands Photon its config:
 * the server entry, HMR mode and one entry per page.
 */
export const settingsPlugin = createPlugin('settings', (ctx) => ({
  enforce: 'pre',
  // Photon resolves the modules it generates (e.g. the built-in server's `@photonjs/srvx`) from the package that
  // installed it, `vike-photon`. Installed from npm (not linked), Vite externalizes vike-photon on the server and
  // resolves it to the bare id 'vike-photon', from which nothing resolves: the zero-config build then failed with
  // "failed to resolve import virtual:photon:resolve-from-photon:@photonjs/srvx". Bundling it gives Photon a path.
  configEnvironment(_name, config) {
    if (config.consumer === 'client') return undefined
    return { resolve: { noExternal: ['vike-photon'] } }
  },
  config: {
    order: 'post',
    handler(userConfig) {
      // First: it must follow Vike's warning even when the settings below are refused.
      if (vikeHasBuiltInServer()) warnOnce(VIKE_DEPRECATION_NOTE)

      if (userConfig.root) ctx.root = resolve(userConfig.root)
      const facts = readVikeFacts()
      ctx.settings = resolveSettings({ ...facts.photon, root: ctx.root })

      if (facts.plusServer) {
        warnOnce(
          `${facts.plusServer} is ignored: it sets Vike's own \`server\` setting, which is switched off while vike-photon serves the app. ` +
            `Point \`photon.server\` at your server entry instead (in +config.ts), and rename ${facts.plusServer} so that Vike no longer reads it.`,
        )
      }

      const pages: PageEntry[] = facts.pages
        .filter((page) => !page.isErrorPage)
        .map((page) => ({
          pageId: page.pageId,
          name: `vike-photon:page:${page.pageId}`,
          route: vikeRouteToPattern(page.route),
          id: pageModuleId(`vike-photon:page:${page.pageId}`),
        }))
      ctx.pages = pages

      // The app's own extra entries (`photon.entries`) first: the pages' names cannot clash with them.
      const entries: Record<string, string | { id: string; type?: 'universal-handler'; route?: string }> = {
        ...ctx.settings.entries,
      }
      for (const page of pages) {
        // A page whose route only Vike can match is reached through the catch-all.
        if (page.route && page.route !== '/**')
          entries[page.name] = { id: page.id, type: 'universal-handler', route: page.route }
      }
      entries[CATCH_ALL_ENTRY] = { id: pageModuleId(CATCH_ALL_ENTRY), type: 'universal-handler', route: '/**' }

      return {
        photon: {
          // The absolute path: @photonjs/core 0.1.22 resolves a relative one from the working directory in a build
          // and from Vite's root in dev. With a root in a subfolder (e.g. `root: 'src'`) one of them failed with
          // "Cannot resolve server/index.ts to a server entry".
          ...(ctx.settings.server ? { server: ctx.settings.server } : {}),
          hmr: ctx.settings.hmr,
          entries,
        },
      }
    },
  },
}))
