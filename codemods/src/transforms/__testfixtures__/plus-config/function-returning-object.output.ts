import vikePhoton from 'vike-photon/config'

function makeConfig() {
  return {
    extends: [vikePhoton],
    photon: {
      server: 'server/index.ts',
    },
  }
}

export default makeConfig()
