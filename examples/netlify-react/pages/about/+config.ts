import type { Config } from 'vike/types'

export default {
  // Sent with the page's HTML (https://vike.dev/headers#response).
  headersResponse: { 'X-Frame-Options': 'DENY', 'X-Example': 'about' },
} satisfies Config
