import type { Config } from 'vike/types'
import { vikePhotonPlugins } from './plugin/index.js'
import type { PhotonSettings } from './settings.js'

export type { PhotonSettings, StaticSettings } from './settings.js'

/**
 * The vike-photon extension: `extends: [vikePhoton]` in `pages/+config.ts`.
 * https://github.com/vike-photon/vike-photon/blob/main/docs/getting-started.md
 */
const config = {
  // Vike recognizes this name: it switches its own `+server` machinery off while vike-photon serves the app.
  name: 'vike-photon',
  require: {
    vike: '>=0.4.256',
  },
  vite: {
    plugins: vikePhotonPlugins(),
  },
  meta: {
    photon: {
      env: { config: true },
      global: true,
    },
  },
} satisfies Config

export default config

declare global {
  namespace Vike {
    interface Config {
      /** vike-photon's settings. https://github.com/vike-photon/vike-photon/blob/main/docs/settings.md */
      photon?: PhotonSettings
    }
  }
}
