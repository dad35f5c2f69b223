import type { Config } from 'vike/types'

export default {
  // Runs on Vercel's edge runtime instead of Node.
  edge: true,
} satisfies Config
