import { cpSync, rmSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { defineConfig } from 'tsup'

const shared = { format: 'esm', target: 'node20', platform: 'node' } as const

export default defineConfig([
  // The extension (run by Node at config time), and the runtime modules that Vite bundles into the user's server
  // build. Runtime modules stay separate files so that a server bundle pulls in only what it uses. Dependencies
  // and peers stay external; virtual modules are provided by Vite at the user's build.
  {
    ...shared,
    entry: {
      index: 'src/index.ts',
      config: 'src/config.ts',
      'universal-middlewares': 'src/runtime/universal-middlewares.ts',
      static: 'src/runtime/static/serve-static.ts',
      'vercel-preview': 'src/targets/vercel/preview/index.ts',
      // Spawned once per function by the Vercel preview (found next to the module that spawns it).
      'vercel-function-runner': 'src/targets/vercel/preview/function-runner.mjs',
      'runtime/serve-node': 'src/runtime/serve-node.ts',
      'runtime/serve-dev': 'src/runtime/serve-dev.ts',
      'runtime/page-handler': 'src/runtime/page-handler.ts',
      'runtime/dev-server-entry-check': 'src/runtime/dev-server-entry-check.ts',
      'runtime/middleware-error-hook.ssr': 'src/runtime/middleware-error-hook.ssr.ts',
      'runtime/universal-middleware-core': 'src/runtime/universal-middleware-core.ts',
      'runtime/universal-middleware-express': 'src/runtime/universal-middleware-express.ts',
      'runtime/photon-apply': 'src/runtime/photon-apply.ts',
      'runtime/photon-errors': 'src/runtime/photon-errors.ts',
      'runtime/vercel-function': 'src/targets/vercel/runtime/function.ts',
      'runtime/middlewares/node': 'src/runtime/middlewares/node.ts',
      'runtime/middlewares/dev': 'src/runtime/middlewares/dev.ts',
      'runtime/middlewares/edge': 'src/runtime/middlewares/edge.ts',
    },
    dts: {
      entry: {
        index: 'src/index.ts',
        config: 'src/config.ts',
        'universal-middlewares': 'src/runtime/universal-middlewares.ts',
        static: 'src/runtime/static/serve-static.ts',
        'vercel-preview': 'src/targets/vercel/preview/index.ts',
      },
    },
    // Everything but the CLI, which the second build (run at the same time) writes and overwrites.
    clean: ['!cli/**'],
    external: [/^virtual:/],
    // @photonjs/runtime 0.1.17's `vite` module imports standaloner (and with it @vercel/nft and a second rolldown,
    // native binding included) at its top, for its `photon()` plugin only; `installPhoton()`, the one vike-photon
    // calls, never uses it. Loading it cost about 0.1 s of CPU in every `vike build` and `vike dev`. So that module
    // is bundled here with standaloner left out; vike-photon loads standaloner itself when `photon.standalone` asks
    // for it (targets/node/standalone-plugin.ts). Photon's other modules stay external.
    //
    // For the same reason, @photonjs/core 0.1.22's config-time modules (its Vite plugin, `api` and `errors`) are bundled
    // here too: they import zod at their top (`import * as z from "zod"`), and Node then loaded 95 files of zod (64 of
    // them locales) in every build, about 45 ms; bundled, loading vike-photon/config went from about 75 ms to 26 ms.
    // Photon keeps most of its shared state on globalThis and dedupes its plugins by name. The one exception is the
    // resolved config of `photon:resolve-config`, kept per module copy: the Vercel target's @photonjs/vercel imports
    // the installed copy, so targets/vercel/index.ts drops that adapter's copy of the plugin. Photon's runtime modules
    // stay external.
    noExternal: ['@photonjs/runtime', /^@photonjs\/core\/(vite|api|api\/internal|errors)$/],
    esbuildPlugins: [
      {
        name: 'photon-runtime-without-standaloner',
        setup(build) {
          build.onLoad({ filter: /[\\/]@photonjs[\\/]runtime[\\/]dist[\\/]vite-[^\\/]*\.js$/ }, async (args) => {
            const code = await readFile(args.path, 'utf8')
            const importLine = 'import standaloner from "standaloner/vite";'
            if (!code.includes(importLine)) {
              throw new Error(
                `${args.path} no longer imports standaloner as @photonjs/runtime 0.1.17 did: review tsup.config.ts`,
              )
            }
            const stub =
              "const standaloner = () => { throw new Error('[vike-photon] Expected standaloner to be loaded by vike-photon, not by Photon (bug in vike-photon)') };"
            return { contents: code.replace(importLine, stub), loader: 'js' }
          })
        },
      },
    ],
    // The docs ship with the package: messages and JSDoc point to node_modules/vike-photon/docs/*.md.
    async onSuccess() {
      rmSync('docs', { recursive: true, force: true })
      cpSync('../../docs', 'docs', {
        recursive: true,
        filter: (src) => !/node_modules|\.test|package\.json|vitest\.config/.test(src),
      })
    },
  },
  // The `vike-photon` CLI, bundled with everything it needs (the codemods, jscodeshift, Babel's parser, recast,
  // diff, jsonc-parser): an app that installs vike-photon does not install the migration's libraries.
  {
    ...shared,
    entry: { 'cli/index': 'src/cli/index.ts' },
    outDir: 'dist',
    noExternal: [/.*/],
    minify: true,
    splitting: false,
    // Bundled CommonJS (jscodeshift, recast) calls require() on Node's built-ins.
    banner: {
      js: "import { createRequire as __vpCreateRequire } from 'node:module';const require = __vpCreateRequire(import.meta.url);",
    },
    esbuildPlugins: [
      {
        // jscodeshift loads flow-parser only for `parser: 'flow'`, which the migration never uses (babel, ts, tsx).
        name: 'no-flow-parser',
        setup(build) {
          build.onResolve({ filter: /^flow-parser$/ }, () => ({ path: 'flow-parser', namespace: 'no-flow-parser' }))
          build.onLoad({ filter: /.*/, namespace: 'no-flow-parser' }, () => ({
            contents:
              "module.exports = { parse() { throw new Error('vike-photon migrate does not ship the flow parser') } }",
            loader: 'js',
          }))
        },
      },
    ],
  },
])
