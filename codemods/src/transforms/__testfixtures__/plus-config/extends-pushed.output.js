import vikeReact from 'vike-react/config'
import vikePhoton from 'vike-photon/config'

const extensions = [vikeReact]
// TODO(vike-photon migrate): `vikePhoton` (vike-photon/config) replaced vike-server's extension here: check that this use still makes sense
if (process.env.WITH_SERVER) extensions.push(vikePhoton)

export default {
  extends: extensions,
  photon: {
    server: 'server/index.js',
  },
}
