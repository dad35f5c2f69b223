import packageJson from './package-json.js'
import plusConfig from './plus-config.js'
import serverEntry from './server-entry.js'
import viteConfig from './vite-config.js'

/** Every transform, by the kebab-case name of its file and fixture folder. */
export const transforms = {
  'package-json': packageJson,
  'plus-config': plusConfig,
  'server-entry': serverEntry,
  'vite-config': viteConfig,
}
