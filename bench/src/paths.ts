import { fileURLToPath } from 'node:url'

const bench = fileURLToPath(new URL('..', import.meta.url))

export const paths = {
  bench,
  root: fileURLToPath(new URL('../..', import.meta.url)),
  apps: fileURLToPath(new URL('../apps', import.meta.url)),
  sharedApp: fileURLToPath(new URL('../apps/shared', import.meta.url)),
  /** Work folders, tarballs, results and profiles; git-ignored. */
  cache: fileURLToPath(new URL('../.cache', import.meta.url)),
  workspacePackage: fileURLToPath(new URL('../../packages/vike-photon', import.meta.url)),
  codemodBench: fileURLToPath(new URL('../../codemods/bench/migrate-bench.ts', import.meta.url)),
} as const
