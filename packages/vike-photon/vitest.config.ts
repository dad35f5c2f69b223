import { defineProject } from 'vitest/config'

export default defineProject({
  test: {
    include: ['test/**/*.test.ts'],
    // Rebuilds dist/ if src/ changed: the integration tests build fixture apps against it.
    globalSetup: ['test/global-setup.ts'],
  },
})
