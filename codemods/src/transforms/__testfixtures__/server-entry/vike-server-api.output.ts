// TODO(vike-photon migrate): vike-server/api (resolveServerConfig) has no vike-photon equivalent: remove this usage
import { resolveServerConfig } from 'vike-server/api'

export const serverConfig = resolveServerConfig()
