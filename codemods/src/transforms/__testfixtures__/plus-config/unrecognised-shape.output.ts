import { makeConfig } from './make-config'
// TODO(vike-photon migrate): replace this extension with `vikePhoton` from vike-photon/config, and move the `server` setting to `photon: { server }` (vike-photon migrate did not recognise the shape of this config)
import vikeServer from 'vike-server/config'

export default makeConfig(vikeServer, 'server/index.ts')
