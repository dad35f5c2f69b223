import { pathToFileURL } from 'node:url'
import type { Plugin } from 'vite'
import { DOCS, VikePhotonError } from '../../errors.js'
import { SERVER_FRAMEWORKS_BY_TARGET } from '../../facts.js'
import type { TargetDefinition } from '../types.js'
import { addressPlugin } from './address-plugin.js'
import { assetsIgnorePlugin } from './assets-ignore-plugin.js'
import { headersPlugin } from './headers-plugin.js'
import { cloudflarePrerendered, cloudflareSummary } from './summary.js'
import { tracePlugin } from './trace-plugin.js'
import { vikeEntryPlugin } from './vike-entry-plugin.js'
import { checkWranglerConfig } from './wrangler-config.js'

const PACKAGE = '@photonjs/cloudflare'

/**
 * Cloudflare Workers: `vike dev` runs the server in workerd, `vike build` writes a Worker (dist/server/index.mjs and
 * dist/server/wrangler.json) plus its assets (dist/client, served by the Workers assets binding, with a `_headers` file
 * that makes hashed assets immutable), `vike preview` and
 * `wrangler dev` run that build locally.
 */
export const cloudflareTarget: TargetDefinition = {
  name: 'cloudflare',
  title: 'Cloudflare Workers',
  package: PACKAGE,
  // Listed in package.json: the user asked for Cloudflare (if it is not installed, `plugins()` says so).
  detect: (project) => project.dependencies.has(PACKAGE),
  // What Photon's Cloudflare adapter runs (`supportedTargetServers('cloudflare', ...)` in @photonjs/cloudflare).
  supportedServers: SERVER_FRAMEWORKS_BY_TARGET.cloudflare,
  check: checkWranglerConfig,
  // One Worker serves every page: Photon must not emit a bundle per page next to it (wrangler would upload them all).
  photon: { codeSplitting: { framework: false } },
  summary: cloudflareSummary,
  prerendered: cloudflarePrerendered,
  capabilities: {
    // One Worker holds every page: a Worker per page would need a router Worker and service bindings, which Photon's
    // Cloudflare adapter does not write.
    units: false,
    nodeServer: false,
    // The Workers assets binding serves static files and Cloudflare compresses at its edge.
    precompress: false,
    compression: 'platform',
    output: { noun: 'Worker', plural: false },
  },
  async plugins(project) {
    const entry = project.resolve(`${PACKAGE}/vite`)
    if (!entry) {
      throw new VikePhotonError(
        `${PACKAGE} is listed in package.json but is not installed in ${project.root}. Run your package manager's install (e.g. \`pnpm install\`).`,
      )
    }
    // The user's copy, so that its version and its @cloudflare/vite-plugin are the ones the project pinned.
    const { cloudflare } = (await import(pathToFileURL(entry).href)) as { cloudflare: () => Plugin[] }
    return [tracePlugin(), ...cloudflare(), vikeEntryPlugin(), assetsIgnorePlugin(), headersPlugin(), addressPlugin()]
  },
  docs: `${DOCS}/cloudflare.md`,
}
