import { mkdir, readdir, rm, writeFile } from 'node:fs/promises'
import { join, relative, resolve, sep } from 'node:path'
import { createPlugin } from '../../plugin/create-plugin.js'
import { UNITS_DIR } from '../../plugin/per-page-plugin.js'
import { unitFileName } from '../../plugin/per-page-units.js'
import {
  functionModule,
  NETLIFY_FUNCTIONS_DIR,
  type NetlifyFunction,
  pageFunctionName,
  pagePaths,
  SERVER_FUNCTION,
} from './functions.js'

const GENERATOR = 'vike-photon'

/**
 * Writes Netlify's functions after the server build: `vike-photon-server` (the whole app, `/*`) and one function per
 * unit, whose bundle (`dist/server/units/<page>.mjs`) holds that page and the error page only: the per-page plugin
 * cuts and writes it, as on Node (this row's `capabilities.units.bundle: 'server-build'`). Each function module imports its bundle from `dist/server`: Netlify's build
 * bundles it with what it imports, as it does for @netlify/vite-plugin's own function.
 *
 * Why not @netlify/vite-plugin's writer (2.12.9, `build.enabled`): it takes the server build's only entry chunk and
 * aborts with "Found multiple entry chunks" on a Vike build (Vike's own entry is a second one), and it writes one
 * function for `/*` only.
 */
export const netlifyFunctionsPlugin = createPlugin('netlify:functions', (ctx) => ({
  apply: 'build',
  applyToEnvironment: (environment) => environment.name === 'ssr',
  writeBundle: {
    order: 'post',
    async handler(options, bundle) {
      const root = this.environment.getTopLevelConfig().root
      const outDir = options.dir ?? resolve(root, this.environment.config.build.outDir)
      if (!bundle['index.mjs']) {
        this.error(`Expected the server build to write index.mjs in ${outDir} (bug in vike-photon)`)
      }
      const functionsDir = join(root, NETLIFY_FUNCTIONS_DIR)
      const importPath = (file: string) => {
        const path = relative(functionsDir, join(outDir, file)).split(sep).join('/')
        return path.startsWith('.') ? path : `./${path}`
      }

      const pages: NetlifyFunction[] = ctx.units.map((unit) => {
        const file = unitFileName(unit.pageId)
        return {
          name: pageFunctionName(file),
          handler: importPath(`${UNITS_DIR}/${file}.mjs`),
          paths: pagePaths(unit.route as string),
          excludedPaths: [],
          displayName: `vike-photon page ${unit.pageId}`,
        }
      })
      const server: NetlifyFunction = {
        name: SERVER_FUNCTION,
        handler: importPath('index.mjs'),
        paths: ['/*'],
        // The pages with a function of their own; Netlify would otherwise pick either function for their URLs.
        excludedPaths: pages.flatMap((page) => page.paths),
        displayName: 'vike-photon server',
      }

      await mkdir(functionsDir, { recursive: true })
      // Functions of pages that no longer have `photonUnit` must not stay deployed.
      for (const file of await readdir(functionsDir)) {
        if (file.startsWith('vike-photon-')) await rm(join(functionsDir, file), { recursive: true, force: true })
      }
      for (const fn of [server, ...pages]) {
        await writeFile(join(functionsDir, `${fn.name}.mjs`), functionModule(fn, GENERATOR))
      }
    },
  },
}))
