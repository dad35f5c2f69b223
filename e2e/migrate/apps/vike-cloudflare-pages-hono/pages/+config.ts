import type { Config } from 'vike/types'
import vikeReact from 'vike-react/config'

export default {
  title: 'Parts shop',
  passToClient: ['shopStatus'],
  extends: [vikeReact],
} satisfies Config
