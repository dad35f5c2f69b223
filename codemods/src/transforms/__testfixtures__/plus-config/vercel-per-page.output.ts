import type { Config } from 'vike/types'

export default {
  // TODO(vike-photon migrate): `isr: false` is not accepted by vike-photon (it needs `{ expiration }`): remove it, ISR is off unless set
  isr: false,
  edge: true,
  headersResponse: { 'X-Frame-Options': 'DENY' },
} satisfies Config
