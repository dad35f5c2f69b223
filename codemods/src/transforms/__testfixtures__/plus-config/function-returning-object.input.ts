import vikeServer from 'vike-server/config'

function makeConfig() {
  return {
    extends: [vikeServer],
    server: 'server/index.ts',
  }
}

export default makeConfig()
