// Imported first by the Node launcher. The bundler may still evaluate Vike's modules earlier, which is fine:
// Vike reads NODE_ENV per request, and `node dist/server/index.mjs` is production unless the user says otherwise.
process.env.NODE_ENV ??= 'production'

// Until the server listens, an uncaught error means the app cannot start, and the process must exit with code 1
// so that process managers, containers and CI notice. Vike installs `uncaughtException` handlers that only log
// (a failing request must not stop a running server): without this, a server entry exporting a bare app, a
// server entry that throws, or a port in use printed the error and ended the process with exit code 0.
function exitOnStartupError(error: unknown): void {
  const message = error instanceof Error && error.message.startsWith('[vike-photon]') ? error.message : error
  console.error(message)
  process.exit(1)
}
// First in line, so that Vike's handler (if already installed) does not print the error a second time.
process.prependListener('uncaughtException', exitOnStartupError)

/** Called once the server listens: from then on, Vike's handlers decide what an uncaught error does. */
export function startupDone(): void {
  process.off('uncaughtException', exitOnStartupError)
}
