import type { Plugin } from 'vite'
import { VIKE_SERVER_ENTRY } from '../../plugin/entry-ids.js'

/** The Worker entry that @photonjs/cloudflare generates around the server entry. */
const WORKER_ENTRY_RE = /^virtual:photon:cloudflare:/

/**
 * A Worker has no file system to look Vike's production entry up in (and the Node launcher does not look it up
 * either), so the Worker entry imports Vike's production entry itself and everything ends up in the one Worker bundle.
 */
export function vikeEntryPlugin(): Plugin {
  return {
    name: 'vike-photon:cloudflare-vike-entry',
    apply: 'build',
    transform: {
      order: 'post',
      filter: { id: WORKER_ENTRY_RE },
      handler(code) {
        return { code: `import ${JSON.stringify(VIKE_SERVER_ENTRY)};\n${code}`, map: null }
      },
    },
  }
}
