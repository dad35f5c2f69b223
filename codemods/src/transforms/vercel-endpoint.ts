import type { API, FileInfo } from 'jscodeshift'
import type { TransformOptions } from '../context.js'
import { addTodo, parserFor } from '../lib/ast.js'
import { print } from '../lib/print.js'

/**
 * Files under `api/` or `_api/` that vite-plugin-vercel bundled on its own (rule 40), and the Vercel
 * API-route wrappers of vike-node/vike-server apps (rule 30). Both need a human: the TODO says what.
 */
export default function vercelEndpoint(file: FileInfo, api: API, _options: TransformOptions): string {
  const j = api.jscodeshift.withParser(parserFor(file.path))
  const root = j(file.source)
  const program = root.find(j.Program).nodes()[0]
  const first = program?.body[0]
  if (!first) return file.source
  const dir = /(^|\/)(_?api)\//.exec(file.path)?.[2] ?? 'api'
  if (/['"][./]*\/dist\/server\/index\.m?js['"]/.test(file.source)) {
    addTodo(
      j,
      first,
      'this Vercel API route wraps the old server build: delete it and its rewrite in vercel.json; @photonjs/vercel deploys the server itself',
    )
    return print(root, file.source)
  }
  const nodeStyle = /VercelRequest|VercelResponse|\(\s*req\s*[,:)]/.test(file.source)
  addTodo(
    j,
    first,
    `@photonjs/vercel does not scan /${dir}: add \`photon: { entries: { ...(await getEntriesFromFs('${dir}', { destination: '${dir}' })) } }\` to +config (getEntriesFromFs from @photonjs/vercel/utils), or move this file out of /${dir}` +
      (nodeStyle ? '; rewrite the (req, res) handler as (request: Request) => Response' : ''),
  )
  return print(root, file.source)
}
