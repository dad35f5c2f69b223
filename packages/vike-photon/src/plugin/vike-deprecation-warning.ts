import { vikeHasBuiltInServer } from './vike-config.js'

// Vike 0.4.257 to 0.4.266 (the latest checked) print `[vike][Warning] vike-photon is deprecated, see
// https://vike.dev/migration/server` for any extension named `vike-photon`, on every `vike dev`, build and preview
// (vike/dist/node/vite/plugins/pluginUniversalDeploy/detectDeprecated.js). The name is what makes Vike switch its
// own `+server` machinery off, which vike-photon needs, and Vike offers no setting to keep it quiet. The warning is
// about the upstream package that Vike's `+server` replaces, not this maintained one: vike-photon drops exactly that
// line from the console (with `DEBUG=vike-photon` it stays). Any other message, Vike's included, passes untouched.

// Vike's warnings are `onlyOnce`: the message is the key of a set of what it has logged (vike/dist/utils/assert.js,
// kept on `globalThis._vike.globals`). Marked as logged there, the warning is never formatted, and formatting it
// was no small cost: Vike's timestamp (`toLocaleTimeString()`) loaded the ICU data, 15 ms of every `vike build`,
// for a line dropped right after. The console filter stays for a Vike that keys its messages otherwise.
const ASSERT_GLOBALS = 'utils/assert.ts'
const WARNING_KEYS = [
  'vike-photon is deprecated, see https://vike.dev/migration/server',
  // With colours (@brillout/picocolors: cyan, underline), as Vike writes it on a terminal.
  '\x1b[36mvike-photon\x1b[39m is deprecated, see \x1b[4mhttps://vike.dev/migration/server\x1b[24m',
]

function markWarningAsLogged(): void {
  const globals = (globalThis as { _vike?: { globals?: Record<string, { alreadyLogged?: unknown }> } })._vike?.globals
  const alreadyLogged = globals?.[ASSERT_GLOBALS]?.alreadyLogged
  if (alreadyLogged instanceof Set) for (const key of WARNING_KEYS) alreadyLogged.add(key)
}

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
  markWarningAsLogged()
  const warn = console.warn
  console.warn = function warnExceptVikeDeprecation(...args: unknown[]) {
    if (args.length === 1 && isVikeDeprecationWarning(args[0])) return
    warn.apply(this, args)
  }
}
