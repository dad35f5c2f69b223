/// <reference types="vike-photon/config" />
import vikePhoton from 'vike-photon/config'

const config = {
  extends: [vikePhoton],
  photon: {
    server: 'hono-entry.ts',
  },
}

export { config }
