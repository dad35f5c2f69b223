import vercel from '@vite-plugin-vercel/vike/config'
import type { Config } from 'vike/types'

export default {
  extends: vercel,
  isr: true,
} satisfies Config
