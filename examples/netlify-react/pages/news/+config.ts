import type { Config } from 'vike/types'

export default {
  // Deployed as its own Netlify Function, which holds this page and the error page only.
  photonUnit: true,
} satisfies Config
