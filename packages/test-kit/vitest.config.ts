import { defineProject } from 'vitest/config'

// Tests of the kit itself, against real sockets and real child processes.
export default defineProject({
  test: {
    name: 'test-kit',
    include: ['src/**/*.test.ts'],
  },
})
