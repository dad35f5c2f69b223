import { defineProject } from 'vitest/config'

// Unit tests of the bench's own helpers (stats, table, profile summary). The benchmark itself never runs in tests.
export default defineProject({
  test: {
    name: 'bench',
    include: ['src/**/*.test.ts'],
  },
})
