import { makeConfig } from './make-config'
import vikeServer from 'vike-server/config'

export default makeConfig(vikeServer, 'server/index.ts')
