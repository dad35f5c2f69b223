import { resolve } from 'node:path'
import { VikePhotonError, warnOnce } from '../errors.js'
import type { PageEntry } from './context.js'
import { createPlugin } from './create-plugin.js'
import { handlerModuleId, pageEntryName } from './entry-ids.js'
import { readPageSettings } from './page-settings.js'
import {
  checkPhotonUnits,
  checkSettings,
  PAGE_SETTINGS_HEADING,
  problemsSection,
  settingsHeading,
} from './resolve-settings.js'
import { vikeRouteToPattern } from './route.js'
import { readVikeFacts } from './vike-config.js'

/**
 * Reads the `photon` setting and the app's pages from Vike, validates them, and hands Photon its config:
 * the server entry and HMR mode.
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
      if (userConfig.root) ctx.root = resolve(userConfig.root)
      const facts = readVikeFacts()
      ctx.hasMiddleware = facts.hasMiddleware

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
          name: pageEntryName(page.pageId),
          route: vikeRouteToPattern(page.route),
          id: handlerModuleId(pageEntryName(page.pageId)),
        }))
      ctx.pages = pages

      // Resolved once, for the deploy target: `photon`, every page's `photonUnit` and the per-page settings the target
      // reads, every problem of all three in one error. Nothing changes `ctx.settings`, `ctx.photonUnits` or
      // `ctx.pageSettings` afterwards.
      const source = { ...facts.photon, root: ctx.root, compression: ctx.target.capabilities.compression }
      const photon = checkSettings(source)
      const pageSources = readPageSettings(pages)
      const units = checkPhotonUnits(pageSources, ctx.target)
      const pageSettings = ctx.target.pageSettings
      const perPage = pageSettings?.check(pageSources) ?? { plans: [], problems: [], warnings: [] }
      // Printed before any error: a user then sees everything about their settings in one build.
      for (const warning of perPage.warnings) warnOnce(warning)
      const sections = [
        ...(photon.problems.length > 0 ? [problemsSection(settingsHeading(source), photon.problems)] : []),
        ...(units.problems.length > 0 ? [problemsSection(PAGE_SETTINGS_HEADING, units.problems)] : []),
        ...(pageSettings && perPage.problems.length > 0
          ? [problemsSection(pageSettings.heading, perPage.problems)]
          : []),
      ]
      if (sections.length > 0) throw new VikePhotonError(sections.join('\n'))
      ctx.settings = photon.settings
      ctx.photonUnits = units.units
      ctx.pageSettings = perPage.plans

      return {
        photon: {
          // The absolute path: @photonjs/core 0.1.22 resolves a relative one from the working directory in a build
          // and from Vite's root in dev. With a root in a subfolder (e.g. `root: 'src'`) one of them failed with
          // "Cannot resolve server/index.ts to a server entry".
          ...(ctx.settings.server ? { server: ctx.settings.server } : {}),
          hmr: ctx.settings.hmr,
          // The entries (the app's own, one per page, the catch-all, the endpoints) are registered by entries-plugin.ts.
        },
      }
    },
  },
}))
