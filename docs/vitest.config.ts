import { defineProject } from 'vitest/config'

// The docs test (docs.test.ts): quoted messages exist, getting-started builds and serves, links resolve.
export default defineProject({
  test: {
    name: 'docs',
    include: ['docs.test.ts'],
  },
})
