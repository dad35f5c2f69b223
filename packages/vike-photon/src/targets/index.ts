import { VikePhotonError } from '../errors.js'
import { cloudflareTarget } from './cloudflare/index.js'
import { netlifyTarget } from './netlify/index.js'
import { nodeTarget } from './node/index.js'
import type { Project, TargetDefinition } from './types.js'
import { vercelTarget } from './vercel/index.js'

export type { Project, TargetCapabilities, TargetDefinition } from './types.js'
export { nodeTarget }

/**
 * Every deploy target, most specific first: the first whose `detect()` matches wins, and `nodeTarget` (last)
 * always matches. Adding a target is a folder `targets/<name>/` and a row here (see targets/README.md).
 */
export const targets: readonly TargetDefinition[] = [cloudflareTarget, vercelTarget, netlifyTarget, nodeTarget]

/** The target the project asks for by what it has installed. Two deploy targets at once is a mistake to report. */
export function detectTarget(project: Project, table: readonly TargetDefinition[] = targets): TargetDefinition {
  const found = table.filter((target) => target.detect(project))
  const deployTargets = found.filter((target) => target.package !== null)
  if (deployTargets.length > 1) {
    const names = deployTargets.map((target) => `${target.package} (${target.title})`).join(' and ')
    throw new VikePhotonError(
      `Both ${names} are installed, so vike-photon cannot tell where to deploy. ` +
        'Remove the ones you do not deploy to from package.json.',
    )
  }
  const target = found[0]
  if (!target)
    throw new Error('[vike-photon] Expected the target table to end with a default target (bug in vike-photon)')
  return target
}
