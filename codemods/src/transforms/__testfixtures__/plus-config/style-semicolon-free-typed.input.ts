import vikeReact from 'vike-react/config'
import type { Config } from 'vike/types'

declare global {
  namespace Vike {
    interface PageContext {
      user: { id: string; name: string };
      locale: string;
    }
  }
}

export default {
  extends: [vikeReact],
  passToClient: ['user', 'locale'],
} satisfies Config
