import { defineConfig } from 'tsup'

// The extension and CLI (run by Node at config time), and the runtime modules that Vite bundles into the
// user's server build. Runtime modules stay separate files so that a server bundle pulls in only what it uses.
export default defineConfig({
  entry: {
    index: 'src/index.ts',
    config: 'src/config.ts',
    'universal-middlewares': 'src/runtime/universal-middlewares.ts',
    static: 'src/runtime/static/serve-static.ts',
    'cli/index': 'src/cli/index.ts',
    'vercel-preview': 'src/targets/vercel-preview/index.ts',
    // Spawned once per function by the Vercel preview (found next to the module that spawns it).
    'vercel-function-runner': 'src/targets/vercel-preview/function-runner.mjs',
    'runtime/serve-node': 'src/runtime/serve-node.ts',
    'runtime/serve-dev': 'src/runtime/serve-dev.ts',
    'runtime/page-handler': 'src/runtime/page-handler.ts',
    'runtime/assert-server-entry': 'src/runtime/assert-server-entry.ts',
    'runtime/vercel-function': 'src/runtime/vercel-function.ts',
    'runtime/middlewares/node': 'src/runtime/middlewares/node.ts',
    'runtime/middlewares/dev': 'src/runtime/middlewares/dev.ts',
    'runtime/middlewares/edge': 'src/runtime/middlewares/edge.ts',
  },
  format: 'esm',
  dts: {
    entry: {
      index: 'src/index.ts',
      config: 'src/config.ts',
      'universal-middlewares': 'src/runtime/universal-middlewares.ts',
      static: 'src/runtime/static/serve-static.ts',
      'vercel-preview': 'src/targets/vercel-preview/index.ts',
    },
  },
  target: 'node20',
  clean: true,
  // Dependencies and peers stay external; the CLI's codemods are a private workspace package, so they are
  // bundled in. Virtual modules are provided by Vite at the user's build.
  noExternal: [/^@vike-photon\/codemods/],
  external: [/^virtual:/],
})
