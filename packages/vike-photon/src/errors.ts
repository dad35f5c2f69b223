// Errors and warnings that vike-photon prints, prefixed with the package name so users know who speaks.
import { inspect } from 'node:util'

/**
 * Where a user reads more: the docs ship inside the package (copied from the repository's docs/ at build), so every
 * message points to a file that exists in the app's own node_modules, whatever version it runs.
 */
export const DOCS = 'node_modules/vike-photon/docs'

/** `DEBUG=vike-photon` (or `DEBUG=*`, or a list that names it): errors print their stack trace too. */
export function isDebug(env: NodeJS.ProcessEnv = process.env): boolean {
  return (env.DEBUG ?? '')
    .split(/[\s,]+/)
    .some((name) => name === 'vike-photon' || name === 'vike-photon:*' || name === '*')
}

/**
 * A mistake in the user's app or config. Vike's and Vite's CLIs print a failed build with `console.error(error)`:
 * the message alone is what the user needs (the stack points into vike-photon's own dist), so `inspect` shows just
 * that, unless DEBUG=vike-photon asks for the stack.
 */
export class VikePhotonError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(`[vike-photon] ${message}`, options)
  }

  [inspect.custom](): string {
    return isDebug() ? (this.stack ?? this.message) : `${this.message}\n(DEBUG=vike-photon shows the stack trace)`
  }
}
VikePhotonError.prototype.name = 'VikePhotonError'

const warned = new Set<string>()

/** Prints a warning once per process (Vite re-runs config hooks on every restart). */
export function warnOnce(message: string): void {
  if (warned.has(message)) return
  warned.add(message)
  console.warn(`\x1b[33m[vike-photon]\x1b[0m ${message}`)
}
