// The server build of a Node app imports `@universal-middleware/express` (what @photonjs/express builds on) through
// this module, left in node_modules (targets/node/external-deps-plugin.ts), as universal-middleware-core.ts does for
// the core: `@photonjs/core`, a dependency of vike-photon, already depends on it, so every app has it installed,
// but a pnpm app's dist/server/ cannot import it by name.
export * from '@universal-middleware/express'
