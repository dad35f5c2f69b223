// Errors and warnings that vike-photon prints, prefixed with the package name so users know who speaks.

export const DOCS = 'https://github.com/vike-photon/vike-photon/blob/main/docs'

export class VikePhotonError extends Error {
  override name = 'VikePhotonError'
  constructor(message: string, options?: ErrorOptions) {
    super(`[vike-photon] ${message}`, options)
  }
}

const warned = new Set<string>()

/** Prints a warning once per process (Vite re-runs config hooks on every restart). */
export function warnOnce(message: string): void {
  if (warned.has(message)) return
  warned.add(message)
  console.warn(`\x1b[33m[vike-photon]\x1b[0m ${message}`)
}
