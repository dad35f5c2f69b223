import vikeReact from 'vike-react/config'
import type { Config } from 'vike/types'
import vikePhoton from 'vike-photon/config'

declare global {
  namespace Vike {
    interface PageContext {
      user: { id: string; name: string };
      locale: string;
    }
  }
}

export default {
  extends: [vikeReact, vikePhoton],
  passToClient: ['user', 'locale'],
  photon: {
    server: 'server/index.ts',
  },
} satisfies Config
