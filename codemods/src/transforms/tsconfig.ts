import type { API, FileInfo } from 'jscodeshift'
import type { TransformOptions } from '../context.js'
import { JsonDocument } from '../lib/json.js'
import { todoText } from '../lib/todo.js'

// vike-photon/photon-types: types of the earlier vike-photon 0.1's own Photon entries; vike-photon 0.2 has none.
const legacyTypes = ['vike-cloudflare/types', 'vite-plugin-vercel/types', 'vike-photon/photon-types']

/** tsconfig.json: drops the legacy `types` entries, keeping comments (rule 37). */
export default function tsconfig(file: FileInfo, _api: API, _options: TransformOptions): string {
  const doc = new JsonDocument(file.source, true)
  const types = doc.get(['compilerOptions', 'types'])
  if (!Array.isArray(types)) return file.source
  let cloudflare = false
  for (let i = types.length - 1; i >= 0; i--) {
    if (legacyTypes.includes(types[i])) {
      cloudflare ||= types[i] === 'vike-cloudflare/types'
      doc.remove(['compilerOptions', 'types', i])
    }
  }
  if (cloudflare) {
    doc.commentAbove(
      ['compilerOptions', 'types'],
      todoText(
        'vike-cloudflare/types was removed: run `npx wrangler types` and add "./worker-configuration.d.ts" here for the Cloudflare `env` types',
      ),
    )
  }
  return doc.text
}
