import type { Plugin } from 'vite'

/** Vike's production entry (the pages, the assets manifest), provided by @brillout/vite-plugin-server-entry. */
const VIKE_SERVER_ENTRY = 'virtual:@brillout/vite-plugin-server-entry:serverEntry'

/** The Worker entry that @photonjs/cloudflare generates around the server entry. */
const WORKER_ENTRY_RE = /^virtual:photon:cloudflare:/

/**
 * On Node, Vike finds dist/server/entry.mjs on disk at start-up. A Worker has no file system, so the Worker entry
 * imports Vike's production entry itself and everything ends up in the one Worker bundle.
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
