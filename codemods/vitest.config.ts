import { defineProject } from 'vitest/config'

export default defineProject({
  test: {
    name: 'codemods',
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
  },
})
