import type { Config } from 'vike/types'

export default {
  prerender: true,
  // A pre-rendered page is a file: vike-photon writes these headers into .netlify/v1/config.json for Netlify's CDN.
  headersResponse: { 'X-Example': 'static' },
} satisfies Config
