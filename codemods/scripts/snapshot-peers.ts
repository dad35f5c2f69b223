// Refreshes test/peers.json: the peer ranges and Node engines of every version vike-photon migrate writes, read from
// the npm registry (`npm view`). Run after changing a version in packages/vike-photon/src/facts.ts:
//   pnpm --filter @vike-photon/codemods exec tsx scripts/snapshot-peers.ts
import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { KNOWN_GOOD_VERSIONS, VIKE_SET_VERSIONS, VITE_PLUGIN_VERSIONS } from '../../packages/vike-photon/src/facts.js'

const peers = Object.values(VIKE_SET_VERSIONS.peers).flatMap((libraries) =>
  Object.entries(libraries).map(([name, { version }]) => [name, version] as const),
)
const tables = {
  ...KNOWN_GOOD_VERSIONS,
  ...VIKE_SET_VERSIONS.integrations,
  ...Object.fromEntries(peers),
  ...VITE_PLUGIN_VERSIONS,
}
const snapshot: Record<string, { peerDependencies: Record<string, string>; engines: Record<string, string> }> = {}
for (const [name, version] of Object.entries(tables).sort(([a], [b]) => a.localeCompare(b))) {
  // The whole manifest: asking for two fields, npm prints the one that exists without its key.
  const out = execFileSync('npm', ['view', `${name}@${version}`, '--json'], { encoding: 'utf8' })
  const data = JSON.parse(out) as { peerDependencies?: Record<string, string>; engines?: Record<string, string> }
  snapshot[`${name}@${version}`] = { peerDependencies: data.peerDependencies ?? {}, engines: data.engines ?? {} }
  console.log(`${name}@${version}`)
}
writeFileSync(
  join(dirname(fileURLToPath(import.meta.url)), '../test/peers.json'),
  `${JSON.stringify(snapshot, null, 2)}\n`,
)
