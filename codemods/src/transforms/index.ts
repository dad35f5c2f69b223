import batiEntry from './bati-entry.js'
import buildOutputImport from './build-output-import.js'
import cloudflareEnv from './cloudflare-env.js'
import connectToWeb from './connect-to-web.js'
import packageJson from './package-json.js'
import pageContextJson from './page-context-json.js'
import plusConfig from './plus-config.js'
import plusServerFile from './plus-server-file.js'
import serverEntry from './server-entry/index.js'
import telefuncStrict from './telefunc-strict.js'
import tsconfig from './tsconfig.js'
import upstreamImports from './upstream-imports.js'
import upstreamPackageJson from './upstream-package-json.js'
import upstreamSettings from './upstream-settings.js'
import vercelEndpoint from './vercel-endpoint.js'
import viteConfig from './vite-config.js'
import wranglerJson from './wrangler-json.js'
import wranglerToml from './wrangler-toml.js'

/** Every transform, by the kebab-case name of its file and fixture folder. */
export const transforms = {
  'bati-entry': batiEntry,
  'build-output-import': buildOutputImport,
  'cloudflare-env': cloudflareEnv,
  'connect-to-web': connectToWeb,
  'package-json': packageJson,
  'page-context-json': pageContextJson,
  'plus-config': plusConfig,
  'plus-server-file': plusServerFile,
  'server-entry': serverEntry,
  'telefunc-strict': telefuncStrict,
  tsconfig,
  'upstream-imports': upstreamImports,
  'upstream-package-json': upstreamPackageJson,
  'upstream-settings': upstreamSettings,
  'vercel-endpoint': vercelEndpoint,
  'vite-config': viteConfig,
  'wrangler-json': wranglerJson,
  'wrangler-toml': wranglerToml,
}

export type TransformName = keyof typeof transforms
