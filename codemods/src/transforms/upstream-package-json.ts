import type { API, FileInfo } from 'jscodeshift'
import { contextOf, type TransformOptions } from '../context.js'
import { JsonDocument } from '../lib/json.js'
import { defaultVikePhotonVersion, type KnownPackage, knownGoodVersions, rangeFor } from '../versions.js'
import { compareVersions, lowestVersion } from './package-json.js'

const sections = ['dependencies', 'devDependencies'] as const

/**
 * package.json of an app on the earlier `vike-photon` 0.1 (vikejs/vike-photon): points `vike-photon` at this
 * package (a range that excludes 0.1, which would install the other package again) and raises the `@photonjs/*`
 * packages the app lists to the versions vike-photon is tested with. Vike and Vite are raised by `package-json`
 * (rule 6), which runs next.
 */
export default function upstreamPackageJson(file: FileInfo, _api: API, options: TransformOptions): string {
  const ctx = contextOf(options)
  if (!ctx.sources.has('vike-photon-upstream')) return file.source
  const doc = new JsonDocument(file.source, false)
  const ours = rangeFor(options.vikePhotonVersion ?? defaultVikePhotonVersion)
  for (const section of sections) {
    const current = doc.get([section, 'vike-photon'])
    if (typeof current === 'string' && current !== ours) doc.set([section, 'vike-photon'], ours)
    for (const name of doc.keys([section])) {
      if (!name.startsWith('@photonjs/') || !(name in knownGoodVersions)) continue
      const range = doc.get([section, name])
      const floor = typeof range === 'string' ? lowestVersion(range) : null
      const known = knownGoodVersions[name as KnownPackage]
      if (floor && compareVersions(floor, known) < 0) doc.set([section, name], rangeFor(known))
    }
  }
  return doc.text
}
