import vikeReact from 'vike-react/config'
import type { Config } from 'vike/types'

export default {
  extends: [
    vikeReact, // UI
  ],
  title: 'Parts shop', // browser tab title
} satisfies Config
