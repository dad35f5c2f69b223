import vercel from '@vite-plugin-vercel/vike/config'
import type { Config } from 'vike/types'
import vikeReact from 'vike-react/config'

export default {
  title: 'Parts shop',
  passToClient: ['shopStatus'],
  extends: [vikeReact, vercel],
} satisfies Config
