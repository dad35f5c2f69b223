import { todoText } from '../lib/todo.js'
import type { FileWrite, MigrationInput } from '../registry.js'

/** Rule 16: a vike-node / vike-cloudflare 0.1 / Vercel app without a root +config gets one. */
export function createRootConfig(input: MigrationInput): FileWrite[] {
  if (input.rootConfig) return []
  const { project, ctx } = input
  const ts = project.exists('tsconfig.json')
  const file = ts ? 'pages/+config.ts' : 'pages/+config.js'
  const entry = ctx.serverEntry?.replace(/\\/g, '\\\\').replace(/'/g, "\\'")
  const photon = entry ? `\n  photon: { server: '${entry}' },` : ''
  const content = [
    `// ${todoText('vike-photon migrate created this file: move the Vike settings you keep elsewhere (e.g. in vite.config) here')}`,
    ...(ts ? ["import type { Config } from 'vike/types'"] : []),
    "import vikePhoton from 'vike-photon/config'",
    '',
    `export default {\n  extends: [vikePhoton],${photon}\n}${ts ? ' satisfies Config' : ''}`,
    '',
  ].join('\n')
  return [{ file, content }]
}
