import { CLOUDFLARE_COMPATIBILITY_DATE } from '../../../packages/vike-photon/src/facts.js'
import { todoText } from '../lib/todo.js'
import type { FileWrite, MigrationInput } from '../registry.js'
import { photonMain } from '../transforms/wrangler-toml.js'

/** Rule 35: wrangler.jsonc when the app has no wrangler config. */
export function createWranglerConfig(input: MigrationInput): FileWrite[] {
  const { project } = input
  if (['wrangler.toml', 'wrangler.json', 'wrangler.jsonc'].some((f) => project.exists(f))) return []
  const name = (input.packageName ?? 'vike-app')
    .replace(/^@[^/]+\//, '')
    .replace(/[^a-z0-9-]/gi, '-')
    .toLowerCase()
  const content = `{
  "$schema": "node_modules/wrangler/config-schema.json",
  // ${todoText('vike-photon migrate created this file: check the Worker name and compatibility_date, and add your bindings')}
  "name": ${JSON.stringify(name)},
  "main": "${photonMain}",
  "compatibility_date": "${CLOUDFLARE_COMPATIBILITY_DATE}",
  "compatibility_flags": ["nodejs_compat"]
}
`
  return [{ file: 'wrangler.jsonc', content }]
}

/** `.wrangler/` (wrangler's local state) in .gitignore. */
export function ignoreWranglerState(input: MigrationInput): FileWrite[] {
  const gitignore = input.project.read('.gitignore')
  if (gitignore === null) return [{ file: '.gitignore', content: '.wrangler/\n' }]
  if (/^\/?\.wrangler\/?\s*$/m.test(gitignore)) return []
  const sep = gitignore.endsWith('\n') || gitignore === '' ? '' : '\n'
  return [{ file: '.gitignore', content: `${gitignore}${sep}.wrangler/\n` }]
}
