import type { Config } from 'vike/types'
import vikePhoton from 'vike-photon/config'
import vikeReact from 'vike-react/config'

// No server file: vike-photon's built-in server serves the app.
export default {
  extends: [vikeReact, vikePhoton],
  title: 'vike-photon, zero config',
} satisfies Config
