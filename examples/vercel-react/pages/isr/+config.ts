import type { Config } from 'vike/types'

export default {
  // Incremental Static Regeneration: Vercel serves the cached page and re-renders it at most once a minute.
  isr: { expiration: 60 },
} satisfies Config
