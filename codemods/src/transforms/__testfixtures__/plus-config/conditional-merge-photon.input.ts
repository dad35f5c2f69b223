import vikeServer from 'vike-server/config'

export const config = {
  extends: [vikeServer],
  photon: { hmr: false },
  server: process.env.NODE_ENV === 'production' ? 'server/index.ts' : 'server/entry.node.ts',
}
