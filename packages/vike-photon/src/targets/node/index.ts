import { DOCS } from '../../errors.js'
import { SERVER_FRAMEWORKS_BY_TARGET } from '../../facts.js'
import type { TargetDefinition } from '../types.js'
import { nodePrerendered, nodeSummary } from './summary.js'

/**
 * The default: vike-photon's own Node server (runtime/serve-node.ts, started by `node dist/server/index.mjs`).
 * Bun and Deno run the same build. Its build plugins (launcher, precompress, standalone) are in this folder; they are
 * part of every build and act where the target's capabilities say so (`nodeServer`, `precompress`).
 */
export const nodeTarget: TargetDefinition = {
  name: 'node',
  title: 'Node',
  package: null,
  detect: () => true,
  supportedServers: SERVER_FRAMEWORKS_BY_TARGET.node,
  summary: nodeSummary,
  prerendered: nodePrerendered,
  capabilities: {
    // `photonUnit` pages, written as dist/server/units/*.mjs and routed by the launcher (runtime/serve-node.ts).
    units: { functions: false, bundle: 'server-build' },
    nodeServer: true,
    precompress: true,
    compression: 'server',
    output: { noun: 'server', plural: false },
  },
  docs: `${DOCS}/getting-started.md`,
}
