import { defineConfig } from 'tsup'

// Every public entry of the package, plus the CLI. Runtime entries stay separate files so that
// the server bundle of an app only pulls in what it uses.
export default defineConfig({
  entry: {
    config: 'src/config.ts',
    'universal-middlewares': 'src/runtime/universal-middlewares.ts',
    'cli/index': 'src/cli/index.ts',
  },
  format: 'esm',
  dts: { entry: { config: 'src/config.ts', 'universal-middlewares': 'src/runtime/universal-middlewares.ts' } },
  target: 'node20',
  clean: true,
  // The CLI's codemods are a private workspace package: bundle them (their own dependencies stay external).
  noExternal: [/^@vike-photon\/codemods/],
  external: [/^virtual:/, /^vike(\/|$)/, /^vite(\/|$)/, /^@photonjs\//, /^@universal-middleware\//],
})
