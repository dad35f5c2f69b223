// The server build of a Node app imports `@universal-middleware/core` through this module, left in node_modules
// (targets/node/external-deps-plugin.ts): the app can always resolve `vike-photon`, and this file resolves the
// package from vike-photon's own folder, which a pnpm app's dist/server/ cannot do by itself.
export * from '@universal-middleware/core'
