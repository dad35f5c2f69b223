import { defineConfig } from 'vitest/config'

// Unit tests of every workspace package, run together by `pnpm exec vitest run`.
export default defineConfig({
  test: {
    projects: ['packages/*', 'codemods', 'bench*', 'docs', 'e2e/corpus'],
  },
})
