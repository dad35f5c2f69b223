import { defineProject } from 'vitest/config'

// Unit tests of the corpus runner's own helpers. The corpus itself (real apps) never runs in tests.
export default defineProject({
  test: {
    name: 'corpus',
    include: ['*.test.ts'],
  },
})
