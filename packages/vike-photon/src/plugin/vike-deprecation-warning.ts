import { vikeHasBuiltInServer } from './vike-config.js'

// Vike 0.4.257 to 0.4.266 (the latest checked) print `[vike][Warning] vike-photon is deprecated, see
// https://vike.dev/migration/server` for any extension named `vike-photon`, on every `vike dev`, build and preview
// (vike/dist/node/vite/plugins/pluginUniversalDeploy/detectDeprecated.js). The name is what makes Vike switch its
// own `+server` machinery off, which vike-photon needs, and Vike offers no setting to keep it quiet. The warning is
// about the upstream package that Vike's `+server` replaces, not this maintained one: vike-photon drops exactly that
// line from the console (with `DEBUG=vike-photon` it stays). Any other message, Vike's included, passes untouched.

// biome-ignore lint/suspicious/noControlCharactersInRegex: colours start with ESC.
const ANSI = /\x1b\[[0-9;]*m/g
// Vike puts the time first (`1:19:07 PM [vike][Warning] …`, in the locale's format).
const DEPRECATION =
  /^(?:[^[]*\s)?\[vike\]\[Warning\] vike-photon is deprecated, see https:\/\/vike\.dev\/migration\/server\s*$/

let installed = false

/** Whether `message` (a string, or the Error Vike prints with a stack trace) is Vike's deprecation warning. */
export function isVikeDeprecationWarning(message: unknown): boolean {
  const text = message instanceof Error ? message.message : message
  return typeof text === 'string' && DEPRECATION.test(text.replace(ANSI, ''))
}

/** Installs the console filter once per process, when this Vike would print the warning. */
export function hideVikeDeprecationWarning(): void {
  if (installed || !vikeHasBuiltInServer() || /\bvike-photon\b/.test(process.env.DEBUG ?? '')) return
  installed = true
  const warn = console.warn
  console.warn = function warnExceptVikeDeprecation(...args: unknown[]) {
    if (args.length === 1 && isVikeDeprecationWarning(args[0])) return
    warn.apply(this, args)
  }
}
