import { createPlugin } from '../../plugin/create-plugin.js'

// Workaround for @photonjs/vercel 0.1.23: when the build of a function environment (vercel_edge, vercel_node)
// fails, the adapter's own bundling step still runs in closeBundle, finds no output, and fails the build with
// `Could not resolve ".vercel/output/_tmp/functions/…/index.js"` — the error that reaches the terminal, while the
// real one is never printed. Print the real one first, so that the build's output names the cause.

const FUNCTION_ENVIRONMENTS = new Set(['vercel_edge', 'vercel_node'])

export const vercelFirstErrorPlugin = createPlugin('vercel:first-error', () => ({
  apply: 'build',
  buildEnd(error) {
    if (!error || !FUNCTION_ENVIRONMENTS.has(this.environment.name)) return
    console.error(
      `[vike-photon] Building the ${this.environment.name} functions failed (the error @photonjs/vercel prints after this one follows from it):\n${error.stack ?? error.message}`,
    )
  },
}))
