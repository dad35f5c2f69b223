import { assertServerEntry, type ServeResult } from './assert-server-entry.js'

// `vike dev` only: a server entry whose default export is missing or wrong (a bare app, a Promise) must not crash
// the dev server. Photon (@photonjs/core 0.1.22) then printed "Server crash" and nothing listened on the port, so
// the browser only saw a refused connection. Instead the mistake is printed once, at each (re)load of the entry,
// and an entry that answers every request with that message stands in for it: the port stays open, and the user's
// next save (server HMR) replaces it with their server, without a restart.

/** The name of the stand-in's `server`, so that tests and logs can tell it apart. */
export const STAND_IN_SERVER = 'vike-photon:server-entry-error'

export function checkServerEntryInDev(entry: unknown, file: string): ServeResult {
  try {
    assertServerEntry(entry, file)
    return entry
  } catch (error) {
    const message = (error as Error).message
    console.error(message)
    return standIn(message)
  }
}

function standIn(message: string): ServeResult {
  const page =
    '<!DOCTYPE html><html><head><meta charset="utf-8"><title>Server entry error</title></head>' +
    `<body><h1>Server entry error</h1><pre>${escapeHtml(message)}</pre>` +
    '<p>Fix the file and save it: the dev server picks up the change without a restart.</p></body></html>'
  return {
    fetch: () => new Response(page, { status: 500, headers: { 'content-type': 'text/html; charset=utf-8' } }),
    server: { name: STAND_IN_SERVER, options: {} },
  }
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}
