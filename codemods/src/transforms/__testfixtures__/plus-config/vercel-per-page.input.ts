import type { Config } from 'vike/types'

export default {
  isr: false,
  edge: true,
  headers: { 'X-Frame-Options': 'DENY' },
} satisfies Config
