import vikePhoton from 'vike-photon/config'

export const config = {
  extends: [vikePhoton],
  photon: {
    hmr: false,
    server: process.env.NODE_ENV === 'production' ? 'server/index.ts' : 'server/entry.node.ts',
  },
}
